using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Time;
using Gnbv.Reports;
using Gnbv.Reports.Pdf;
using Gnbv.Reports.Templating;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Reports;

public sealed record TemplateDto(string OrgUnit, string Source, string Text);

/// <summary>A new template for a unit, and why it changes (kept in the audit with the old and new text).</summary>
public sealed record TemplateUpdate(string? Text, string? Reason);

public static class ReportsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/{orgUnit}/{period}/report.docx", async (string orgUnit, string period, AppDbContext db, CurrentActor actor, [FromKeyedServices(ReadOnlyDb.Key)] ReportService reports, CancellationToken ct) =>
            {
                var (unit, p) = await ResolveAsync(db, actor, orgUnit, period, ct);
                var report = await reports.GenerateAsync(unit, p, ct: ct);
                return TypedResults.File(report.Docx, DocxType, FileName(unit, p, "docx"));
            })
            .WithName("GetReportDocx").WithSummary("Báo cáo kết quả thực hiện Chương trình (DOCX, Mẫu 01) của đơn vị và kỳ");
        group.MapGet("/{orgUnit}/{period}/forms.xlsx", async (string orgUnit, string period, AppDbContext db, CurrentActor actor, [FromKeyedServices(ReadOnlyDb.Key)] ReportService reports, CancellationToken ct) =>
            {
                var (unit, p) = await ResolveAsync(db, actor, orgUnit, period, ct);
                var report = await reports.GenerateAsync(unit, p, ct: ct);
                return TypedResults.File(report.Xlsx, XlsxType, FileName(unit, p, "xlsx", "bieu-mau"));
            })
            .WithName("GetReportForms").WithSummary("Các biểu mẫu kèm theo báo cáo (XLSX)");
        group.MapGet("/{orgUnit}/{period}/report.pdf", async (string orgUnit, string period, AppDbContext db, CurrentActor actor, [FromKeyedServices(ReadOnlyDb.Key)] ReportService reports, CancellationToken ct) =>
            {
                var (unit, p) = await ResolveAsync(db, actor, orgUnit, period, ct);
                var report = await reports.GenerateAsync(unit, p, ct: ct);
                return TypedResults.File(await PdfConverter.ConvertAsync(report.Docx, ct), "application/pdf", FileName(unit, p, "pdf"));
            })
            .WithName("GetReportPdf").WithSummary("Báo cáo dạng PDF (cần LibreOffice trên máy chủ)");
        group.MapGet("/template", async (string orgUnit, AppDbContext db, ReportService reports, CurrentActor actor, CancellationToken ct) =>
            {
                var (unit, _) = await ResolveAsync(db, actor, orgUnit, null, ct);
                var own = await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.OrgUnitId == unit.Id, ct);
                var inherited = own is null ? await reports.TemplateForAsync(unit, ct) : null;
                return TypedResults.Ok(new TemplateDto(unit.Code, own is not null ? "unit" : inherited is not null ? "ancestor" : "default",
                    own?.Text ?? inherited ?? ReportComposer.DefaultTemplate()));
            })
            .WithName("GetReportTemplate").WithSummary("Mẫu lời văn (Liquid) báo cáo dùng cho đơn vị");
        group.MapPut("/template", async Task<Ok<TemplateDto>> (string orgUnit, string? period, TemplateUpdate body, AppDbContext db, CurrentActor actor,
                TemplateEditor editor, TimeProvider clock, CancellationToken ct) =>
            {
                var (unit, _) = await ResolveAsync(db, actor, orgUnit, null, ct);
                var who = await actor.GetAsync(ct);
                if (!TemplateEditor.MayEdit(who, unit)) throw new AccessDeniedException(TemplateEditor.WhoMayEdit(who, unit));
                var tryOn = period is null ? TemplateEditor.CurrentHalfYear(clock) : Period.Parse(period);
                var own = await editor.SaveAsync(who, unit, body.Text, body.Reason, tryOn, ct);
                return TypedResults.Ok(new TemplateDto(unit.Code, "unit", own.Text));
            })
            .RequireAuthorization(Policies.DataWriter)
            .WithName("PutReportTemplate").WithSummary("Thay mẫu lời văn báo cáo của đơn vị (Liquid): quản trị viên, hoặc cán bộ huyện/tỉnh của chính đơn vị; mẫu được chạy thử trên báo cáo của đơn vị (kỳ period, mặc định nửa năm hiện tại) trước khi lưu, kèm lý do");
    }

    private static async Task<(Gnbv.Domain.Units.OrgUnit, Period)> ResolveAsync(AppDbContext db, CurrentActor actor, string orgUnit, string? period, CancellationToken ct)
    {
        var p = period is null ? null : Period.Parse(period);
        return (await actor.ReadableUnitAsync(orgUnit, p, ct), p!);
    }

    private static string FileName(Gnbv.Domain.Units.OrgUnit unit, Period p, string ext, string kind = "bao-cao") => $"{kind}-{unit.Code}-{p.Id}.{ext}";
}
