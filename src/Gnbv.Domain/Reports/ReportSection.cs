using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Reports;

/// <summary>Free text of a report section (assessment, tasks, a project's progress) per unit and period.</summary>
public class ReportSection
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int PeriodId { get; set; }
    public PeriodRow? Period { get; set; }
    public required string SectionCode { get; set; }
    public string? Title { get; set; }
    public required string Text { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
