using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Values;
using Gnbv.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Works;

public static class WorksApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/works").WithTags("Works");
        group.MapGet("/", async (string? orgUnit, string? programItem, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Works.AsNoTracking()
                    .Where(w => (orgUnit == null || w.OrgUnit!.Code == orgUnit) && (programItem == null || w.ProgramItem!.Code == programItem))
                    .OrderBy(w => w.Code)
                    .Select(w => new { w.Code, w.Name, w.Kind, orgUnit = w.OrgUnit!.Code, w.Location, programItem = w.ProgramItem!.Code, w.IsNew, w.Status, w.StartYear, w.EndYear, budget = w.BudgetDong, disbursed = w.DisbursedDong })
                    .ToListAsync(ct))
                    .Select(w => new { w.Code, w.Name, w.Kind, w.orgUnit, w.Location, w.programItem, w.IsNew, status = ValueExporter.StatusCode(w.Status), w.StartYear, w.EndYear, w.budget, w.disbursed })))
            .WithName("ListWorks").WithSummary("Công trình theo đơn vị và dự án");
        group.MapPost("/", async (List<WorkRow> rows, bool? dryRun, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(db, new ImportPackage { Works = rows }, dryRun ?? false, "api:works", ct)))
            .WithName("UpsertWorks").WithSummary("Thêm hoặc sửa công trình theo mã");
    }
}
