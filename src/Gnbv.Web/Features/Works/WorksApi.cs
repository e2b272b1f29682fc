using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Values;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Works;

public sealed record WorkDto(string Code, string Name, string Kind, string OrgUnit, string? Location, string ProgramItem, bool IsNew, string Status, int? StartYear, int? EndYear, long? Budget, long? Disbursed);

public static class WorksApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/works").WithTags("Works");
        group.MapGet("/", async (string? orgUnit, string? programItem, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                var scope = await actor.ScopeAsync(orgUnit, ct);
                var works = await db.Works.AsNoTracking()
                    .Where(w => scope.Contains(w.OrgUnitId) && (programItem == null || w.ProgramItem!.Code == programItem))
                    .OrderBy(w => w.Code)
                    .Select(w => new { w.Code, w.Name, w.Kind, Unit = w.OrgUnit!.Code, w.Location, Item = w.ProgramItem!.Code, w.IsNew, w.Status, w.StartYear, w.EndYear, w.BudgetDong, w.DisbursedDong })
                    .ToListAsync(ct);
                return TypedResults.Ok(works.Select(w => new WorkDto(w.Code, w.Name, w.Kind, w.Unit, w.Location, w.Item, w.IsNew,
                    Gnbv.Domain.Works.WorkStatuses.Code(w.Status), w.StartYear, w.EndYear, w.BudgetDong, w.DisbursedDong)).ToList());
            })
            .WithName("ListWorks").WithSummary("Công trình theo đơn vị (và cấp dưới) và dự án");
        group.MapPost("/", async (List<WorkRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { Works = rows }, dryRun ?? false, "api:works", ct)))
            .RequireAuthorization(Policies.DataWriter)
            .WithName("UpsertWorks").WithSummary("Thêm hoặc sửa công trình theo mã");
    }
}
