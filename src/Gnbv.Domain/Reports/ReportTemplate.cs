using Gnbv.Domain.Units;

namespace Gnbv.Domain.Reports;

/// <summary>A unit's own wording of the report (Liquid); units below it use it too unless they have their own.</summary>
public class ReportTemplate
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Text { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
