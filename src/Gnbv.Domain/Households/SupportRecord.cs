namespace Gnbv.Domain.Households;

/// <summary>
/// Support a household (or one member) received: a kind (credit, electricity, health insurance, ...),
/// the sub-project and funding source that paid, the amount in đồng or a quantity (kg of rice), the date.
/// </summary>
public class SupportRecord
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public Household? Household { get; set; }

    /// <summary>The household's province, copied so the table can be partitioned or sharded with it (ADR 008).</summary>
    public string? ProvinceCode { get; set; }
    public long? MemberId { get; set; }
    public required string Kind { get; set; }
    public int? ProgramItemId { get; set; }
    public int? FundingSourceId { get; set; }
    public long? Amount { get; set; }
    public decimal? Quantity { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
}
