using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gnbv.Cli;
using Gnbv.Data.Database;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.TestData.National;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gnbv.Tools.Bench;

/// <summary>
/// `gnbv-tools bench`: builds the synthetic national data set in a new PostgreSQL database on the given
/// server and measures, in one run, the household import against COPY, classification, rollups
/// against SQL, reports and the data-entry API under load; prints one JSON object at the end.
/// </summary>
public static class BenchCommand
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var households = new Option<int>("--households") { Description = "Số hộ của sổ hộ cả nước", DefaultValueFactory = _ => 200_000 };
        var seed = new Option<int>("--seed") { Description = "Hạt giống dữ liệu", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "Năm của số liệu", DefaultValueFactory = _ => 2024 };
        var runs = new Option<int>("--runs") { Description = "Số lần đo (lấy trung vị) cho tổng hợp và báo cáo", DefaultValueFactory = _ => 5 };
        var apiSeconds = new Option<int>("--api-seconds") { Description = "Thời gian tải API bằng wrk (0: bỏ qua)", DefaultValueFactory = _ => 20 };
        var apiConnections = new Option<int>("--api-connections") { Description = "Số kết nối wrk", DefaultValueFactory = _ => 64 };
        var keep = new Option<bool>("--keep") { Description = "Giữ lại CSDL đo sau khi chạy" };
        var docs = new Option<FileInfo?>("--write-docs") { Description = "Ghi kết quả vào tệp Markdown (docs/benchmarks.md), giữa hai dấu gnbv-bench" };
        var command = new Command("bench", "Đo hiệu năng ở quy mô cả nước trên PostgreSQL (một CSDL mới trên máy chủ của --db); in JSON")
            { households, seed, year, runs, apiSeconds, apiConnections, keep, docs };
        command.SetAction(async (parse, ct) =>
        {
            var server = options.Resolve(parse);
            if (server.Provider != DatabaseProvider.Postgres)
                throw new ArgumentException("gnbv-tools bench cần PostgreSQL: --db \"Host=...;Username=...\" (a PostgreSQL server)");
            var settings = new BenchSettings(parse.GetValue(households), parse.GetValue(seed), parse.GetValue(year), Math.Max(1, parse.GetValue(runs)),
                parse.GetValue(apiSeconds), parse.GetValue(apiConnections));
            var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
            var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = builder.Database ?? "postgres" }.ConnectionString;
            builder.Database = $"gnbv_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
            var connection = builder.ConnectionString;
            await Exec(admin, $"CREATE DATABASE \"{builder.Database}\"", ct);
            try
            {
                var result = await RunAsync(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connection }, settings, io, ct);
                var json = JsonSerializer.Serialize(result, BenchDocs.Json);
                if (parse.GetValue(docs) is { } file) await BenchDocs.WriteAsync(file, result, ct);
                await io.Out.WriteLineAsync(json);
                return result.Failures.Count == 0 ? 0 : 1;
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (!parse.GetValue(keep)) await Exec(admin, $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", ct);
                else await io.Err.WriteLineAsync($"giữ lại CSDL {builder.Database}");
            }
        });
        return command;
    }

    static async Task<BenchResult> RunAsync(DatabaseOptions database, BenchSettings s, CliIo io, CancellationToken ct)
    {
        var r = new BenchResult { Settings = s, Machine = await MachineInfo.ReadAsync(database.ConnectionString, ct) };
        void Log(string text) => io.Err.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
        var dir = Directory.CreateTempSubdirectory("gnbv-bench-");
        try
        {
            var clock = Stopwatch.StartNew();
            await NationalData.WriteAsync(dir, s.Households, s.Seed, s.Year, ct);
            r.GenerateSeconds = clock.Elapsed.TotalSeconds;
            Log($"generated in {r.GenerateSeconds:0.0} s");

            await using var db = DbContextSetup.Create(database);
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DatabaseInitializer>(Gnbv.Data.CoreServices.Over(db)).MigrateAsync(ct);
            clock.Restart();
            await NationalData.ImportPackagesAsync(db, dir, step => Log($"{step.File}: {step.Elapsed.TotalSeconds:0.0} s"), ct);
            r.ProgramLoadSeconds = clock.Elapsed.TotalSeconds;
            r.Communes = await db.OrgUnits.CountAsync(u => u.Kind == UnitKind.Commune || u.Kind == UnitKind.Ward || u.Kind == UnitKind.Town, ct);
            r.Provinces = await db.OrgUnits.CountAsync(u => u.Kind == UnitKind.Province, ct);
            r.TypedValues = await db.DataValues.CountAsync(ct);
            Log($"units and program data: {r.Communes} communes, {r.TypedValues} values in {r.ProgramLoadSeconds:0.0} s");

            var file = Path.Combine(dir.FullName, NationalData.HouseholdsFile(s.Year));
            var import = await ImportBench.ImportAsync(database.ConnectionString, file, ct);
            r.Import = import;
            Log($"household import: {import.Rows} rows in {import.Seconds:0.0} s, peak {import.PeakMemoryBytes / 1048576} MB");
            var standard = await db.PovertyStandards.AsNoTracking().Where(p => p.FromYear <= s.Year && p.ToYear >= s.Year).Select(p => p.Id).FirstAsync(ct);
            r.CopySeconds = await ImportBench.CopyBaselineAsync(database.ConnectionString, file, standard, ct);
            Log($"COPY baseline: {r.CopySeconds:0.0} s");

            r.Classify = await ClassifyBench.RunAsync(db, file, 200_000, ct);
            Log($"classification: {r.Classify.HouseholdsPerSecond:0} households/s");

            var nation = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == NationalGenerator.NationCode, ct);
            r.Rollup = await RollupBench.RunAsync(db, database.ConnectionString, nation, s.Year, s.Runs, ct);
            Log($"rollup: GNBV {r.Rollup.GnbvMs:0} ms, SQL {r.Rollup.SqlMs:0} ms, match {r.Rollup.Match}");
            if (!r.Rollup.Match) r.Failures.Add("rollup: GNBV and SQL totals differ: " + r.Rollup.Detail);

            var province = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == UnitKind.Province).OrderBy(u => u.Code).FirstAsync(ct);
            var district = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == province.Id).OrderBy(u => u.Code).FirstAsync(ct);
            r.ReportDistrict = await ReportBench.RunAsync(db, district, Period.Year(s.Year), s.Runs, ct);
            r.ReportProvince = await ReportBench.RunAsync(db, province, Period.Year(s.Year), s.Runs, ct);
            Log($"reports: district {r.ReportDistrict.MedianMs:0} ms, province {r.ReportProvince.MedianMs:0} ms");

            if (s.ApiSeconds > 0)
            {
                var api = await ApiLoad.RunAsync(database, new ApiLoadOptions
                {
                    Connections = s.ApiConnections,
                    Duration = TimeSpan.FromSeconds(s.ApiSeconds),
                    Unit = district.Code,
                    Period = $"{s.Year}03",
                }, io.Err, ct);
                (r.ApiConnections, r.ApiRequestsPerSecond, r.ApiP50Ms, r.ApiP99Ms, r.ApiErrors) = (api.Connections, api.RequestsPerSecond, api.P50Ms, api.P99Ms, api.Errors);
                Log($"API: {api.RequestsPerSecond:0} requests/s, p50 {api.P50Ms:0.0} ms, p99 {api.P99Ms:0.0} ms, {api.Errors} errors");
                if (api.Errors > 0) r.Failures.Add($"API load: {api.Errors} failed requests, not a valid measurement");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        r.CheckAims();
        return r;
    }

    static async Task Exec(string connection, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
