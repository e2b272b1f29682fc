namespace Gnbv.Domain.Indicators;

/// <summary>A breakdown of an indicator's value (total, poor, near-poor, ethnic minority, female...).</summary>
public class Disaggregation : ICodedItem
{
    public const string TotalCode = "total";

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
