using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Indicators;

/// <summary>One figure: (indicator, disaggregation, unit, period) -> value, with its comment and who last changed it.</summary>
public class DataValue
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int DisaggregationId { get; set; }
    public Disaggregation? Disaggregation { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int PeriodId { get; set; }
    public PeriodRow? Period { get; set; }
    public decimal Value { get; set; }
    public string? Comment { get; set; }

    /// <summary>Computed from the household registry (not typed): replaces manual figures of the same indicator in the unit's subtree.</summary>
    public bool FromRegistry { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Starts at 1 and grows with every change: a save names the version it read, and a save of an
    /// older version is refused (409) instead of overwriting what another officer saved meanwhile.
    /// </summary>
    public int Version { get; set; } = 1;
}
