namespace Gnbv.Reports;

// What a report template sees. Every figure is already formatted the Vietnamese way; member names
// reach Liquid in snake_case ({{ project.budget_total }}). docs/report-templates.md lists them.

public sealed record ReportData(
    UnitInfo Unit,
    IssuerInfo Issuer,
    PeriodInfo Period,
    bool HasData,
    IReadOnlyList<DocumentInfo> Documents,
    IReadOnlyList<TargetInfo> Targets,
    IReadOnlyList<FigureInfo> Policies,
    IReadOnlyList<ProjectInfo> Projects,
    NarrativeInfo Narrative,
    CapitalTotals Capital,
    SubmissionsInfo Submissions,
    PovertyInfo Poverty);

/// <summary>
/// Poor and near-poor households of the census round that frames the period (the year before, or
/// the period's own year when it ends on 31/12), from the indicator store: registry figures where
/// the unit's communes keep a registry, figures typed by hand elsewhere.
/// </summary>
public sealed record PovertyInfo(bool Any, int Year, int NextYear, bool FromRegistry, bool Synthetic,
    string Households, string Poor, string PoorRate, string NearPoor, string NearPoorRate,
    bool HasTransitions, string Reduction, string RateReduction, string Escaped, string NewlyPoor, string FellBack, string ExpectedEscape);

/// <summary>The annex on the sub-units' submissions: how many data sets are in, how many on time, each unit's cells.</summary>
public sealed record SubmissionsInfo(bool Any, string AsOf, int Expected, int Submitted, int OnTime,
    IReadOnlyList<string> DataSets, IReadOnlyList<SubmissionRowInfo> Rows);

public sealed record SubmissionRowInfo(string Unit, IReadOnlyList<string> Cells);

public sealed record UnitInfo(string Code, string Name, string KindName, string FullName);

public sealed record IssuerInfo(string ParentBody, string Body, string ShortName);

public sealed record PeriodInfo(string Id, string Label, string NextLabel, int Year);

public sealed record DocumentInfo(string KindName, string Number, string Date, string Issuer, string Subject);

public sealed record TargetInfo(string Name, string Target, string Result, string Percent, bool HasResult);

public sealed record FigureInfo(string Code, string Name, string Value, string Breakdown);

public sealed record WorkInfo(string Name, string Location, string Status, string IsNew);

public sealed record ProjectInfo(
    string Code, string Heading, bool IsSubProject, bool HasBudget,
    string BudgetTotal, string BudgetInYear, string BudgetCarried, bool HasCarried, int Year, int CarriedYear,
    string Sources, string Disbursed, string DisbursedPercent, bool HasDisbursed,
    IReadOnlyList<FigureInfo> Results, IReadOnlyList<WorkInfo> Works, IReadOnlyList<string> Notes, bool HasContent);

public sealed record NarrativeInfo(
    IReadOnlyList<string> Intro, IReadOnlyList<string> Direction, IReadOnlyList<string> Goals,
    IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses, IReadOnlyList<string> Tasks,
    IReadOnlyList<string> Recommendations, IReadOnlyList<string> Recipients, IReadOnlyList<string> Signature);

public sealed record CapitalTotals(string Total, string InYear, string Carried, string Disbursed, bool Any);
