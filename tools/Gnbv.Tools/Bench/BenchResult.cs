using System.Text.Json.Serialization;

namespace Gnbv.Tools.Bench;

public sealed record BenchSettings(int Households, int Seed, int Year, int Runs, int ApiSeconds, int ApiConnections);

/// <summary>Everything one `gnbv-tools bench` run measured, serialised flat with the names the issue and docs use.</summary>
public sealed class BenchResult
{
    [JsonIgnore] public BenchSettings Settings { get; init; } = null!;
    [JsonPropertyName("machine")] public MachineInfo Machine { get; init; } = null!;
    [JsonPropertyName("measured_at")] public string MeasuredAt { get; init; } = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
    [JsonPropertyName("households")] public int Households => Settings.Households;
    [JsonPropertyName("seed")] public int Seed => Settings.Seed;
    [JsonPropertyName("provinces")] public int Provinces { get; set; }
    [JsonPropertyName("communes")] public int Communes { get; set; }
    [JsonPropertyName("typed_values")] public int TypedValues { get; set; }
    [JsonPropertyName("generate_seconds")] public double GenerateSeconds { get; set; }
    [JsonPropertyName("program_load_seconds")] public double ProgramLoadSeconds { get; set; }

    [JsonIgnore] public ImportMeasure Import { get; set; } = null!;
    [JsonPropertyName("import_rows")] public long ImportRows => Import.Rows;
    [JsonPropertyName("import_seconds")] public double ImportSeconds => Import.Seconds;
    [JsonPropertyName("import_stages_seconds")] public Dictionary<string, double> ImportStages => Import.Stages;
    [JsonPropertyName("import_rows_per_second")] public double ImportRowsPerSecond => Import.Rows / Import.RegistrySeconds;
    [JsonPropertyName("import_households_per_second")] public double ImportHouseholdsPerSecond => Import.Households / Import.RegistrySeconds;
    [JsonPropertyName("copy_seconds")] public double CopySeconds { get; set; }
    [JsonPropertyName("copy_rows_per_second")] public double CopyRowsPerSecond => Import.Rows / CopySeconds;
    /// <summary>The registry write (read, classify, check, merge) against COPY plus INSERT ... SELECT into the same tables.</summary>
    [JsonPropertyName("import_vs_copy_ratio")] public double ImportVsCopyRatio => Import.RegistrySeconds / CopySeconds;
    /// <summary>The whole import, including republishing the registry's figures for every commune, against the same baseline.</summary>
    [JsonPropertyName("import_with_figures_vs_copy_ratio")] public double ImportWithFiguresVsCopyRatio => Import.Seconds / CopySeconds;
    [JsonPropertyName("import_peak_memory_mb")] public double ImportPeakMemoryMb => Import.PeakMemoryBytes / 1048576.0;

    [JsonIgnore] public ClassifyMeasure Classify { get; set; } = null!;
    [JsonPropertyName("classify_households_per_second")] public double ClassifyPerSecond => Classify.HouseholdsPerSecond;
    [JsonPropertyName("parse_and_classify_households_per_second")] public double ParsePerSecond => Classify.ParseHouseholdsPerSecond;

    [JsonIgnore] public RollupMeasure Rollup { get; set; } = null!;
    [JsonPropertyName("rollup_ms")] public double RollupMs => Rollup.GnbvMs;
    [JsonPropertyName("rollup_sql_ms")] public double RollupSqlMs => Rollup.SqlMs;
    [JsonPropertyName("rollup_vs_sql_ratio")] public double RollupVsSqlRatio => Rollup.GnbvMs / Rollup.SqlMs;
    [JsonPropertyName("rollup_results_match")] public bool RollupMatch => Rollup.Match;

    [JsonIgnore] public ReportMeasure ReportDistrict { get; set; } = null!;
    [JsonIgnore] public ReportMeasure ReportProvince { get; set; } = null!;
    [JsonPropertyName("report_district_ms")] public double ReportDistrictMs => ReportDistrict.MedianMs;
    [JsonPropertyName("report_province_ms")] public double ReportProvinceMs => ReportProvince.MedianMs;

    [JsonPropertyName("api_connections")] public int ApiConnections { get; set; }
    [JsonPropertyName("api_requests_per_second")] public double? ApiRequestsPerSecond { get; set; }
    [JsonPropertyName("api_p50_ms")] public double? ApiP50Ms { get; set; }
    [JsonPropertyName("api_p99_ms")] public double? ApiP99Ms { get; set; }
    [JsonPropertyName("api_errors")] public long? ApiErrors { get; set; }

    /// <summary>The aims on this machine, each met or not.</summary>
    [JsonPropertyName("aims_met")] public Dictionary<string, bool> Aims { get; } = [];
    [JsonPropertyName("failures")] public List<string> Failures { get; } = [];

    public void CheckAims()
    {
        Aims["import_vs_copy_ratio <= 2"] = ImportVsCopyRatio <= 2;
        Aims["rollup_vs_sql_ratio <= 1.5"] = RollupVsSqlRatio <= 1.5;
        Aims["report_district_ms < 1000"] = ReportDistrictMs < 1000;
        if (ApiP99Ms is { } p99) Aims["api_p99_ms < 100"] = p99 < 100;
        Aims["import_peak_memory_mb < 500"] = ImportPeakMemoryMb < 500;
    }
}
