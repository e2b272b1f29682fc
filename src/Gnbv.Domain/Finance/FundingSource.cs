namespace Gnbv.Domain.Finance;

/// <summary>A source of funds: NSTW_DTPT, NSTW_SN, NSDP, credit, mobilised...</summary>
public class FundingSource : ICodedItem
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
