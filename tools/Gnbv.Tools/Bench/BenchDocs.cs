using System.Globalization;
using System.Text;
using System.Text.Json;
using Gnbv.Domain.Formatting;

namespace Gnbv.Tools.Bench;

/// <summary>Writes a bench run into a Markdown file, replacing what an earlier run wrote between the two markers.</summary>
public static class BenchDocs
{
    public const string Start = "<!-- gnbv-bench:start -->";
    public const string End = "<!-- gnbv-bench:end -->";

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(FileInfo file, BenchResult r, CancellationToken ct)
    {
        var text = file.Exists ? await File.ReadAllTextAsync(file.FullName, ct) : "# Benchmarks\n";
        var section = Render(r);
        var i = text.IndexOf(Start, StringComparison.Ordinal);
        var j = text.IndexOf(End, StringComparison.Ordinal);
        text = i >= 0 && j > i ? text[..i] + section + text[(j + End.Length)..] : text.TrimEnd() + "\n\n" + section + "\n";
        await File.WriteAllTextAsync(file.FullName, text, new UTF8Encoding(false), ct);
    }

    public static string Render(BenchResult r)
    {
        static string N(double v, int decimals = 1) => VnFormat.Number(Math.Round((decimal)v, decimals), decimals);
        static string Met(bool? met) => met switch { true => "met", false => "**missed**", null => "" };
        bool? Aim(string key) => r.Aims.TryGetValue(key, out var v) ? v : null;
        var m = r.Machine;
        var sb = new StringBuilder();
        sb.AppendLine(Start);
        sb.AppendLine(CultureInfo.InvariantCulture, $"## `gnbv-tools bench --households {r.Households}` (last run: {r.MeasuredAt})");
        sb.AppendLine();
        sb.AppendLine("Written by `gnbv-tools bench --write-docs`; `scripts/bench.sh` runs it from a clean clone. Machine: " +
            $"{m.Cores} cores ({m.Cpu}), {N(m.MemoryBytes / 1073741824.0, 0)} GiB, {m.Os}, {m.Runtime}, {m.Postgres} on loopback.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Data: {r.Provinces} provinces, {VnFormat.Number(r.Communes)} communes, {VnFormat.Number(r.TypedValues)} typed values " +
            $"(generated in {N(r.GenerateSeconds)} s, loaded in {N(r.ProgramLoadSeconds)} s as {r.Provinces} province packages), " +
            $"{VnFormat.Number(r.Households)} households in {VnFormat.Number(r.ImportRows)} member rows.");
        sb.AppendLine();
        sb.AppendLine("| measure | GNBV | baseline | ratio | aim |");
        sb.AppendLine("|---|---|---|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| household import (read, classify, check, merge) | {N(r.Import.RegistrySeconds)} s, {VnFormat.Number((long)r.ImportRowsPerSecond)} rows/s | COPY + INSERT…SELECT: {N(r.CopySeconds)} s, {VnFormat.Number((long)r.CopyRowsPerSecond)} rows/s | {N(r.ImportVsCopyRatio, 2)} | ≤ 2: {Met(Aim("import_vs_copy_ratio <= 2"))} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| … with the registry's figures republished | {N(r.ImportSeconds)} s ({string.Join(", ", r.ImportStages.Select(s => $"{s.Key} {N(s.Value)} s"))}) | | {N(r.ImportWithFiguresVsCopyRatio, 2)} | |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| peak memory of the import process | {N(r.ImportPeakMemoryMb, 0)} MB | | | < 500 MB: {Met(Aim("import_peak_memory_mb < 500"))} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| classification | {VnFormat.Number((long)r.ClassifyPerSecond)} households/s (parse and classify: {VnFormat.Number((long)r.ParsePerSecond)}/s) | | | |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| rollup to communes, {r.Provinces} provinces and the nation (status and values) | {N(r.RollupMs)} ms | SQL GROUP BY: {N(r.RollupSqlMs)} ms | {N(r.RollupVsSqlRatio, 2)} | ≤ 1,5: {Met(Aim("rollup_vs_sql_ratio <= 1.5"))} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| report, one district ({r.ReportDistrict.Unit}, {r.ReportDistrict.Period}), warm | {N(r.ReportDistrictMs)} ms | | | < 1 s: {Met(Aim("report_district_ms < 1000"))} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| report, one province ({r.ReportProvince.Unit}), warm | {N(r.ReportProvinceMs)} ms | | | |");
        if (r.ApiP99Ms is { } p99)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| data-entry API, wrk {r.ApiConnections} connections | {VnFormat.Number((long)(r.ApiRequestsPerSecond ?? 0))} requests/s, p50 {N(r.ApiP50Ms ?? 0)} ms, p99 {N(p99)} ms, {r.ApiErrors} errors | | | p99 < 100 ms: {Met(Aim("api_p99_ms < 100"))} |");
        sb.AppendLine();
        sb.AppendLine("```json");
        sb.AppendLine(JsonSerializer.Serialize(r, Json));
        sb.AppendLine("```");
        sb.Append(End);
        return sb.ToString();
    }
}
