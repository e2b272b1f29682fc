using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.ReportSections;

public static class ReportSectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reportSections").WithTags("Report sections");
        group.MapGet("/", async (string orgUnit, string period, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.ReportSections.AsNoTracking()
                    .Where(s => s.OrgUnit!.Code == orgUnit && s.Period!.Code == period)
                    .OrderBy(s => s.SectionCode)
                    .Select(s => new { section = s.SectionCode, s.Title, s.Text, s.UpdatedBy, s.UpdatedAt })
                    .ToListAsync(ct)))
            .WithName("ListReportSections").WithSummary("Phần lời văn của báo cáo theo đơn vị và kỳ");
        group.MapPut("/", async (List<ReportSectionRow> rows, bool? dryRun, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(db, new ImportPackage { ReportSections = rows }, dryRun ?? false, "api:reportSections", ct)))
            .WithName("PutReportSections").WithSummary("Ghi phần lời văn của báo cáo");
    }
}
