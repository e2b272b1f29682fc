using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Finance;

/// <summary>Money disbursed (giải ngân) by a unit for a program item from one source in one period, in whole đồng.</summary>
public class Disbursement
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int ProgramItemId { get; set; }
    public ProgramItem? ProgramItem { get; set; }
    public int FundingSourceId { get; set; }
    public FundingSource? FundingSource { get; set; }
    public int PeriodId { get; set; }
    public PeriodRow? Period { get; set; }
    public long AmountDong { get; set; }
    public string? Comment { get; set; }
}
