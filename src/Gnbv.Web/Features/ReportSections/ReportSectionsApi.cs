using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.ReportSections;

public static class ReportSectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reportSections").WithTags("Report sections");
        group.MapGet("/", async (string orgUnit, string period, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                var scope = await actor.ScopeAsync(orgUnit, ct);
                return TypedResults.Ok(await db.ReportSections.AsNoTracking()
                    .Where(s => s.OrgUnit!.Code == orgUnit && scope.Contains(s.OrgUnitId) && s.Period!.Code == period)
                    .OrderBy(s => s.SectionCode)
                    .Select(s => new { section = s.SectionCode, s.Title, s.Text, s.UpdatedBy, s.UpdatedAt })
                    .ToListAsync(ct));
            })
            .WithName("ListReportSections").WithSummary("Phần lời văn của báo cáo theo đơn vị và kỳ");
        group.MapPut("/", async (List<ReportSectionRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { ReportSections = rows }, dryRun ?? false, "api:reportSections", ct)))
            .RequireAuthorization(Policies.DataWriter)
            .WithName("PutReportSections").WithSummary("Ghi phần lời văn của báo cáo");
    }
}
