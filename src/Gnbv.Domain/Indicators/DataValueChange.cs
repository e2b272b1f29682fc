namespace Gnbv.Domain.Indicators;

/// <summary>The change log of a data value: every insert, update and delete with old and new value.</summary>
public class DataValueChange
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int DisaggregationId { get; set; }
    public int OrgUnitId { get; set; }
    public int PeriodId { get; set; }
    public required string Action { get; set; }
    public decimal? OldValue { get; set; }
    public decimal? NewValue { get; set; }
    public string? OldComment { get; set; }
    public string? NewComment { get; set; }
    public string? Reason { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}
