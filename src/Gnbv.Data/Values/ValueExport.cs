namespace Gnbv.Data.Values;

/// <summary>Everything GNBV holds in figures for one unit (its subtree rolled up) and one period.</summary>
public sealed record ValueExport(
    ExportUnit OrgUnit,
    ExportPeriod Period,
    IReadOnlyList<ExportValue> DataValues,
    IReadOnlyList<ExportTarget> Targets,
    IReadOnlyList<ExportCapital> Capital,
    IReadOnlyList<ExportWork> Works);

public sealed record ExportUnit(string Code, string Name, string Kind);

public sealed record ExportPeriod(string Id, DateOnly Start, DateOnly End);

public sealed record ExportValue(
    string DataElement, string Name, string Disaggregation, string DisaggregationName,
    decimal Value, string UnitOfMeasure, string Display, string? ProgramItem, string? Comment);

public sealed record ExportTarget(string DataElement, string Name, string Disaggregation, int Year, decimal Value, string UnitOfMeasure, string Display);

public sealed record ExportCapitalLine(string Source, int Year, int? CarriedOverFrom, long Amount, string? Decision);

/// <summary>A program item's budget: allocated in the year + carried over = total, and what was disbursed.</summary>
public sealed record ExportCapital(
    string ProgramItem, string Name,
    long AllocatedInYear, long CarriedOver, long Total, long Disbursed, decimal? DisbursedPercent,
    string Display, IReadOnlyList<ExportCapitalLine> Lines, IReadOnlyDictionary<string, long> DisbursedBySource);

public sealed record ExportWork(string Code, string Name, string Kind, string OrgUnit, string? Location, string ProgramItem, bool IsNew, string Status, long? Budget, long? Disbursed);
