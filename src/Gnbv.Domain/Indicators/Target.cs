using Gnbv.Domain.Units;

namespace Gnbv.Domain.Indicators;

/// <summary>The target (chỉ tiêu kế hoạch) of an indicator for a unit and a year.</summary>
public class Target
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int DisaggregationId { get; set; }
    public Disaggregation? Disaggregation { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public string? Comment { get; set; }
}
