using System.Diagnostics;
using System.Text.Json;
using Gnbv.Cli;
using Gnbv.Data.Households;
using Npgsql;

namespace Gnbv.Tools.Bench;

public sealed record ImportMeasure(long Rows, long Households, double Seconds, Dictionary<string, double> Stages, long PeakMemoryBytes)
{
    /// <summary>The registry write alone (read, classify, check, merge), the work a COPY baseline also does.</summary>
    public double RegistrySeconds => Stages.Where(s => s.Key != "publish").Sum(s => s.Value);
}

/// <summary>
/// The household import measured the way an operator runs it: `gnbv households import` in its own
/// process (so its peak memory is its own), and, as the baseline, PostgreSQL's own COPY of the same
/// file followed by the INSERT ... SELECTs that spread it into tables like the registry's (same
/// columns and indexes, empty, in a scratch schema), classification by a SQL CASE.
/// </summary>
public static class ImportBench
{
    public static async Task<ImportMeasure> ImportAsync(string connection, string file, CancellationToken ct)
    {
        var (exe, prefix) = GnbvProgram();
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in prefix) start.ArgumentList.Add(a);
        foreach (var a in new[] { "households", "import", file, "--quiet", "--json", "--db", connection, "--provider", "postgres" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("không chạy được gnbv households import");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"gnbv households import: {await stderr}{await stdout}");
        var json = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new ImportMeasure(root.GetProperty("rows").GetInt64(), root.GetProperty("households").GetInt64(), root.GetProperty("seconds").GetDouble(),
            root.GetProperty("stages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()), root.GetProperty("peak_memory_bytes").GetInt64());
    }

    /// <summary>The operator's gnbv, built beside this tool (gnbv.dll), run by the dotnet host as an operator would run it.</summary>
    static (string Exe, string[] Prefix) GnbvProgram()
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet";
        return (host, [typeof(CliApp).Assembly.Location]);
    }

    /// <summary>COPY of the file, then the registry's three tables filled by SQL (same columns, indexes and foreign keys); returns seconds (one transaction, committed).</summary>
    public static async Task<double> CopyBaselineAsync(string connection, string file, int standardId, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await Exec(conn, null, """
            DROP SCHEMA IF EXISTS bench_copy CASCADE;
            CREATE SCHEMA bench_copy;
            CREATE TABLE bench_copy.households (LIKE public.households INCLUDING ALL);
            CREATE TABLE bench_copy.household_members (LIKE public.household_members INCLUDING ALL);
            CREATE TABLE bench_copy.census_entries (LIKE public.census_entries INCLUDING ALL);
            """, ct);
        // LIKE copies columns, defaults and indexes but not foreign keys; the registry's tables check theirs on every row.
        var keys = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid IN ('public.households'::regclass, 'public.household_members'::regclass, 'public.census_entries'::regclass)
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                keys.Add($"ALTER TABLE bench_copy.{r.GetString(0).Trim('"')} ADD CONSTRAINT \"{r.GetString(1)}\" " +
                    r.GetString(2).Replace("REFERENCES households(", "REFERENCES bench_copy.households(", StringComparison.Ordinal));
        foreach (var key in keys) await Exec(conn, null, key, ct);
        var columns = string.Join(", ", HouseholdColumns.All.Select(c => $"\"{c.Key}\" text"));
        var clock = Stopwatch.StartNew();
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await Exec(conn, tx, $"CREATE TEMP TABLE raw ({columns}) ON COMMIT DROP", ct);
            await using (var writer = await conn.BeginTextImportAsync("COPY raw FROM STDIN (FORMAT csv, HEADER true)", ct))
            {
                using var reader = new StreamReader(file);
                var buffer = new char[1 << 16];
                int n;
                while ((n = await reader.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            var mask = string.Join(" | ", Enumerable.Range(0, 12).Select(i => $"(CASE WHEN coalesce(bool_or(r.\"{HouseholdColumns.Deprivations[i].Key}\" = 'x'), false) THEN {1 << i} ELSE 0 END)"));
            var deprived = string.Join(" + ", Enumerable.Range(0, 12).Select(i => $"(CASE WHEN coalesce(bool_or(r.\"{HouseholdColumns.Deprivations[i].Key}\" = 'x'), false) THEN 1 ELSE 0 END)"));
            await Exec(conn, tx, """
                INSERT INTO bench_copy.households ("OrgUnitId", "ProvinceCode", "Code", "Village", "Area", "HeadName", "Ethnicity", "EthnicMinority", "PolicyGroups", "PovertyCauses", "Synthetic", "UpdatedAt")
                SELECT DISTINCT ON (r.commune, r.household_code) u."Id", u."ProvinceCode", r.household_code, coalesce(r.village, ''),
                       CASE WHEN r.area = 'Thành thị' THEN 1 ELSE 0 END, r.name, coalesce(r.ethnicity, ''), coalesce(r.ethnicity, '') <> 'Kinh',
                       coalesce(r.policy_groups, ''), coalesce(r.poverty_causes, ''), coalesce(r.synthetic = 'x', false), now()
                FROM raw r JOIN org_units u ON u."Code" = r.commune
                ORDER BY r.commune, r.household_code, (r.relation = 'Chủ hộ') DESC;
                ANALYZE bench_copy.households;
                INSERT INTO bench_copy.household_members ("HouseholdId", "ProvinceCode", "Name", "BirthYear", "Sex", "Relation", "IsHead", "CitizenId")
                SELECT h."Id", h."ProvinceCode", r.name, r.birth_year::int, CASE r.sex WHEN 'Nữ' THEN 2 WHEN 'Nam' THEN 1 ELSE 0 END, coalesce(r.relation, ''),
                       coalesce(r.relation = 'Chủ hộ', false), nullif(r.citizen_id, '')
                FROM raw r JOIN org_units u ON u."Code" = r.commune JOIN bench_copy.households h ON h."OrgUnitId" = u."Id" AND h."Code" = r.household_code;
                """, ct);
            await Exec(conn, tx, $"""
                INSERT INTO bench_copy.census_entries ("HouseholdId", "ProvinceCode", "Year", "PovertyStandardId", "Income", "ScoreA", "DeprivedMask", "ScoreB", "Status", "MemberCount", "ExpectedEscape", "SupportPlan")
                SELECT h."Id", h."ProvinceCode", max(r.census_year)::int, {standardId}, max(r.income)::bigint, max(r.score_a)::int, {mask}, ({deprived}) * 10,
                       CASE WHEN coalesce(max(r.income)::bigint, max(r.score_a)::bigint * 10000) <= 1500000 AND ({deprived}) >= 3 THEN 3
                            WHEN coalesce(max(r.income)::bigint, max(r.score_a)::bigint * 10000) <= 1500000 THEN 2 ELSE 0 END,
                       count(*), coalesce(bool_or(r.expected_escape = 'x'), false), max(r.support_plan)
                FROM raw r JOIN org_units u ON u."Code" = r.commune JOIN bench_copy.households h ON h."OrgUnitId" = u."Id" AND h."Code" = r.household_code
                GROUP BY h."Id", h."ProvinceCode";
                """, ct);
            await tx.CommitAsync(ct);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await Exec(conn, null, "DROP SCHEMA bench_copy CASCADE", ct);
        return seconds;
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
