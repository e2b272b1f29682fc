using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Targets;

public static class TargetsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Targets");
        group.MapGet("/", async (string? orgUnit, int? year, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                var scope = await actor.ScopeAsync(orgUnit, ct);
                return TypedResults.Ok(await db.Targets.AsNoTracking()
                    .Where(t => scope.Contains(t.OrgUnitId) && (year == null || t.Year == year))
                    .OrderBy(t => t.Indicator!.Code)
                    .Select(t => new { dataElement = t.Indicator!.Code, orgUnit = t.OrgUnit!.Code, t.Year, disaggregation = t.Disaggregation!.Code, t.Value, t.Comment })
                    .ToListAsync(ct));
            })
            .WithName("ListTargets").WithSummary("Chỉ tiêu kế hoạch theo đơn vị (và cấp dưới) và năm");
        group.MapPost("/", async (List<TargetRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { Targets = rows }, dryRun ?? false, "api:targets", ct)))
            .RequireAuthorization(Policies.DataWriter)
            .WithName("UpsertTargets").WithSummary("Ghi chỉ tiêu kế hoạch");
    }
}
