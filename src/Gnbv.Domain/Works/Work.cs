using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Works;

/// <summary>A work (công trình) built or maintained with program funds.</summary>
public class Work
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>transport, irrigation, school, health, electricity, water, maintenance...</summary>
    public required string Kind { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string? Location { get; set; }
    public int ProgramItemId { get; set; }
    public ProgramItem? ProgramItem { get; set; }
    public bool IsNew { get; set; }
    public WorkStatus Status { get; set; } = WorkStatus.Planned;
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public long? BudgetDong { get; set; }
    public long? DisbursedDong { get; set; }
}
