using Gnbv.Domain.Catalogue;

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
