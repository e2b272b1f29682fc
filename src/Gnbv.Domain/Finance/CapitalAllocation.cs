using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Documents;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Finance;

/// <summary>
/// Capital assigned to a unit for a program item from one source for one year, in whole đồng.
/// A row with <see cref="CarriedOverFromYear"/> is unspent money of that earlier year moved into
/// <see cref="Year"/> (vốn chuyển nguồn).
/// </summary>
public class CapitalAllocation
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int ProgramItemId { get; set; }
    public ProgramItem? ProgramItem { get; set; }
    public int FundingSourceId { get; set; }
    public FundingSource? FundingSource { get; set; }
    public int Year { get; set; }
    public int? CarriedOverFromYear { get; set; }
    public long AmountDong { get; set; }
    public int? DecisionId { get; set; }
    public DirectiveDocument? Decision { get; set; }
    public string? Note { get; set; }
}
