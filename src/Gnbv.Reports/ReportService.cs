using System.Diagnostics;
using Gnbv.Data.Database;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Units;
using Gnbv.Reports.Charts;
using Gnbv.Reports.Docx;
using Gnbv.Reports.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Reports;

public sealed record GeneratedReport(ReportDocument Document, byte[] Docx, byte[] Xlsx, TimeSpan Elapsed);

/// <summary>query -> report data -> wording (template) -> report model -> DOCX and the forms workbook.</summary>
public sealed class ReportService(AppDbContext db, ReportDataBuilder builder, IChartRenderer charts)
{
    public async Task<GeneratedReport> GenerateAsync(OrgUnit unit, Period period, string? templateOverride = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var (data, export) = await builder.BuildAsync(unit, period, ct);
        var template = templateOverride ?? await TemplateForAsync(unit, ct);
        var document = ReportComposer.Compose(data, export, template, charts);
        var docx = DocxRenderer.Render(document);
        var xlsx = FormsWorkbook.Render(export, data.Unit.FullName, data.Period.Label);
        return new GeneratedReport(document, docx, xlsx, watch.Elapsed);
    }

    /// <summary>The unit's own template, else the nearest ancestor's, else null (the shipped one).</summary>
    public async Task<string?> TemplateForAsync(OrgUnit unit, CancellationToken ct = default)
    {
        var codes = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var templates = await db.ReportTemplates.AsNoTracking()
            .Where(t => codes.Contains(t.OrgUnit!.Code))
            .Select(t => new { t.OrgUnit!.Level, t.Text })
            .ToListAsync(ct);
        return templates.OrderByDescending(t => t.Level).FirstOrDefault()?.Text;
    }
}
