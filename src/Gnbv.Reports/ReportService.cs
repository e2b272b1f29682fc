using System.Diagnostics;
using Gnbv.Data.Database;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Units;
using Gnbv.Reports.Charts;
using Gnbv.Reports.Docx;
using Gnbv.Reports.Templating;
using Gnbv.Reports.Xlsx;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gnbv.Reports;

public sealed record GeneratedReport(ReportDocument Document, byte[] Docx, byte[] Xlsx, TimeSpan Elapsed);

/// <summary>A unit's stored template and the unit that stored it (the unit itself or the nearest ancestor with one).</summary>
public sealed record StoredTemplate(string UnitCode, string UnitName, string Text);

/// <summary>query -> report data -> wording (template) -> report model -> DOCX and the forms workbook.</summary>
public sealed class ReportService(AppDbContext db, ReportDataBuilder builder, IChartRenderer charts, ILogger<ReportService>? log = null)
{
    private readonly ILogger _log = log ?? NullLogger<ReportService>.Instance;

    /// <summary>
    /// The report of a unit and period. A template given here (<c>gnbv report --template</c>) must
    /// work: its errors are the caller's. A stored one that fails (stored before templates were
    /// checked, or failing on this unit's data) does not take the reports down: the report is made
    /// from the shipped template and says so at its top (<see cref="ReportDocument.Warnings"/>).
    /// </summary>
    public async Task<GeneratedReport> GenerateAsync(OrgUnit unit, Period period, string? templateOverride = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var (data, export) = await builder.BuildAsync(unit, period, ct);
        ReportDocument document;
        if (templateOverride is not null || await StoredTemplateAsync(unit, ct) is not { } stored)
            document = await ReportComposer.ComposeAsync(data, export, templateOverride, charts, ct: ct);
        else
        {
            try
            {
                document = await ReportComposer.ComposeAsync(data, export, stored.Text, charts, ct: ct);
            }
            catch (TemplateException e)
            {
                _log.LogWarning("Report template of {Unit} failed for {Report}/{Period}, shipped template used: {Reason}", stored.UnitCode, unit.Code, period.Id, e.Message);
                var warning = $"Lưu ý: mẫu lời văn báo cáo của {stored.UnitName} ({stored.UnitCode}) không dùng được: {e.Message}. " +
                    "Báo cáo này được lập theo mẫu chuẩn; đề nghị sửa mẫu trên trang Báo cáo.";
                document = await ReportComposer.ComposeAsync(data, export, null, charts, [warning], ct: ct);
            }
        }
        var docx = DocxRenderer.Render(document);
        var xlsx = FormsWorkbook.Render(export, data.Unit.FullName, data.Period.Label);
        return new GeneratedReport(document, docx, xlsx, watch.Elapsed);
    }

    /// <summary>The unit's own template, else the nearest ancestor's, else null (the shipped one).</summary>
    public async Task<string?> TemplateForAsync(OrgUnit unit, CancellationToken ct = default) => (await StoredTemplateAsync(unit, ct))?.Text;

    /// <summary>The unit's own template, else the nearest ancestor's, with the unit that holds it; else null.</summary>
    public async Task<StoredTemplate?> StoredTemplateAsync(OrgUnit unit, CancellationToken ct = default)
    {
        var codes = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var templates = await db.ReportTemplates.AsNoTracking()
            .Where(t => codes.Contains(t.OrgUnit!.Code))
            .Select(t => new { t.OrgUnit!.Level, t.OrgUnit.Code, t.OrgUnit.Name, t.Text })
            .ToListAsync(ct);
        return templates.OrderByDescending(t => t.Level).Select(t => new StoredTemplate(t.Code, t.Name, t.Text)).FirstOrDefault();
    }
}
