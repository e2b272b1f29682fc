using System.Text.Json.Serialization;

namespace Gnbv.Data.Imports;

/// <summary>
/// The GNBV import format (gnbv-import/1): one JSON object whose sections are all optional. The
/// dataValues section is DHIS2's dataValueSets shape. See docs/formats.md.
/// </summary>
public sealed class ImportPackage
{
    public const string FormatName = "gnbv-import/1";

    public string? Format { get; set; }

    /// <summary>Why the changes are made; kept in the change log and audit of every record the package changes.</summary>
    public string? Reason { get; set; }
    public List<DataSetRow>? DataSets { get; set; }
    public List<PovertyStandardRow>? PovertyStandards { get; set; }
    public List<OrgUnitRow>? OrgUnits { get; set; }
    public List<CatalogueRow>? Catalogue { get; set; }
    public List<FundingSourceRow>? FundingSources { get; set; }
    public List<DisaggregationRow>? Disaggregations { get; set; }
    public List<IndicatorRow>? Indicators { get; set; }
    public List<DocumentRow>? Documents { get; set; }
    public List<AllocationRow>? CapitalAllocations { get; set; }
    public List<DisbursementRow>? Disbursements { get; set; }
    public List<WorkRow>? Works { get; set; }
    public List<TargetRow>? Targets { get; set; }
    public List<DataValueRow>? DataValues { get; set; }
    public List<ReportSectionRow>? ReportSections { get; set; }
    public List<ValidationRuleRow>? ValidationRules { get; set; }

    public int RowCount => (ValidationRules?.Count ?? 0) + (DataSets?.Count ?? 0) + (PovertyStandards?.Count ?? 0) +
        (OrgUnits?.Count ?? 0) + (Catalogue?.Count ?? 0) + (FundingSources?.Count ?? 0) +
        (Disaggregations?.Count ?? 0) + (Indicators?.Count ?? 0) + (Documents?.Count ?? 0) +
        (CapitalAllocations?.Count ?? 0) + (Disbursements?.Count ?? 0) + (Works?.Count ?? 0) +
        (Targets?.Count ?? 0) + (DataValues?.Count ?? 0) + (ReportSections?.Count ?? 0);
}

/// <summary>A row that knows where it came from, so an error can name it.</summary>
public abstract class ImportRow
{
    /// <summary>Line of the source file for CSV input; null for JSON, where the array index names the row.</summary>
    [JsonIgnore]
    public int? Line { get; set; }
}

public sealed class OrgUnitRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    [Code]
    public string? OfficialCode { get; set; }
    public string? Name { get; set; }
    [Code]
    public string? Kind { get; set; }
    [Code]
    public string? Parent { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    [Code]
    public string? Successor { get; set; }
}

public sealed class CatalogueRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    [Code]
    public string? Kind { get; set; }
    [Code]
    public string? Parent { get; set; }
    [Code]
    public string? Phase { get; set; }
    public string? Decision { get; set; }
    public int? Order { get; set; }
}

public sealed class FundingSourceRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int? Order { get; set; }
}

public sealed class DisaggregationRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int? Order { get; set; }
}

public sealed class IndicatorRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? UnitOfMeasure { get; set; }
    public string? ValueType { get; set; }
    public string? Aggregation { get; set; }

    /// <summary>monthly, quarterly, six-monthly or yearly; absent: six-monthly for a new indicator, unchanged for a stored one.</summary>
    public string? PeriodType { get; set; }
    [Code]
    public string? ProgramItem { get; set; }
    [Code]
    public List<string>? Disaggregations { get; set; }
}

public sealed class DocumentRow : ImportRow
{
    [Code]
    public string? Number { get; set; }
    [Code]
    public string? Kind { get; set; }
    public string? Date { get; set; }
    [Code]
    public string? Issuer { get; set; }
    public string? IssuerName { get; set; }
    public string? Subject { get; set; }
    public string? Url { get; set; }
    [Code]
    public List<string>? ProgramItems { get; set; }
}

public sealed class AllocationRow : ImportRow
{
    [Code]
    public string? OrgUnit { get; set; }
    [Code]
    public string? ProgramItem { get; set; }
    [Code]
    public string? Source { get; set; }
    public int? Year { get; set; }
    public int? CarriedOverFrom { get; set; }
    public long? Amount { get; set; }
    public string? Decision { get; set; }
    public string? Note { get; set; }
}

public sealed class DisbursementRow : ImportRow
{
    [Code]
    public string? OrgUnit { get; set; }
    [Code]
    public string? ProgramItem { get; set; }
    [Code]
    public string? Source { get; set; }
    [Code]
    public string? Period { get; set; }
    public long? Amount { get; set; }
    public string? Comment { get; set; }
}

public sealed class WorkRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    [Code]
    public string? Kind { get; set; }
    [Code]
    public string? OrgUnit { get; set; }
    public string? Location { get; set; }
    [Code]
    public string? ProgramItem { get; set; }
    public bool? IsNew { get; set; }
    public string? Status { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public long? Budget { get; set; }
    public long? Disbursed { get; set; }
}

public sealed class TargetRow : ImportRow
{
    [Code]
    public string? DataElement { get; set; }
    [Code]
    public string? OrgUnit { get; set; }
    public int? Year { get; set; }
    [Code]
    public string? Disaggregation { get; set; }

    [JsonConverter(typeof(NumberAsStringConverter))]
    public string? Value { get; set; }
    public string? Comment { get; set; }
}

public sealed class DataValueRow : ImportRow
{
    [Code]
    public string? DataElement { get; set; }
    [Code]
    public string? Period { get; set; }
    [Code]
    public string? OrgUnit { get; set; }
    [Code]
    public string? Disaggregation { get; set; }

    [JsonConverter(typeof(NumberAsStringConverter))]
    public string? Value { get; set; }
    public string? Comment { get; set; }

    /// <summary>
    /// The version of the stored value this row was based on (0: none stored). When given, a value
    /// changed since by someone else is a conflict (409) instead of being overwritten.
    /// </summary>
    public int? Version { get; set; }
}

public sealed class ReportSectionRow : ImportRow
{
    [Code]
    public string? OrgUnit { get; set; }
    [Code]
    public string? Period { get; set; }
    [Code]
    public string? Section { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
}

public sealed class ValidationRuleRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    [Code]
    public string? Kind { get; set; }
    public string? Severity { get; set; }
    public string? Left { get; set; }
    public string? Operator { get; set; }
    public string? Right { get; set; }
    public decimal? Tolerance { get; set; }
    public string? Parameters { get; set; }
    public string? Message { get; set; }
    public string? PeriodTypes { get; set; }
    public bool? Enabled { get; set; }
}

public sealed class DataSetRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int? DueDays { get; set; }
    public int? Sort { get; set; }

    /// <summary>capital only: the kind of period disbursements are reported for (six-monthly when absent).</summary>
    public string? PeriodType { get; set; }
}

public sealed class PovertyStandardRow : ImportRow
{
    [Code]
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? LegalBasis { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public long? IncomeLineRural { get; set; }
    public long? IncomeLineUrban { get; set; }
    public long? AverageUpperRural { get; set; }
    public long? AverageUpperUrban { get; set; }
    public int? ScoreALineRural { get; set; }
    public int? ScoreALineUrban { get; set; }
    public int? PoorMinDeprivations { get; set; }
    public int? PointsPerDeprivation { get; set; }
    public List<DeprivationIndicatorRow>? Indicators { get; set; }
}

public sealed class DeprivationIndicatorRow
{
    [Code]
    public string? Code { get; set; }
    public string? Dimension { get; set; }
    public string? Name { get; set; }
}
