using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Periods;

namespace Gnbv.Domain.Indicators;

/// <summary>An indicator (data element): what is counted, in which unit, how it adds up.</summary>
public class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string UnitOfMeasure { get; set; }
    public IndicatorValueType ValueType { get; set; } = IndicatorValueType.Number;
    public AggregationType Aggregation { get; set; } = AggregationType.Sum;

    /// <summary>
    /// The one kind of period the indicator's values are typed for (DHIS2: a data element has one
    /// period type): figures of longer periods sum them, and a value of another kind, which would be
    /// counted twice (202303 and 2023Q1 both inside 2023S1), is refused when written.
    /// </summary>
    public PeriodType PeriodType { get; set; } = DefaultPeriodType;

    /// <summary>The program reports by half-year (TT10): an indicator that does not say is six-monthly.</summary>
    public const PeriodType DefaultPeriodType = PeriodType.SixMonthly;
    public int? ProgramItemId { get; set; }
    public ProgramItem? ProgramItem { get; set; }
    public int SortOrder { get; set; }
    public List<IndicatorDisaggregation> Disaggregations { get; set; } = [];
}

public class IndicatorDisaggregation
{
    public int IndicatorId { get; set; }
    public int DisaggregationId { get; set; }
    public Disaggregation? Disaggregation { get; set; }
    public int SortOrder { get; set; }
}
