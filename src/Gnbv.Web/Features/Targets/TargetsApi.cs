using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Targets;

public static class TargetsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Targets");
        group.MapGet("/", async (string? orgUnit, int? year, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Targets.AsNoTracking()
                    .Where(t => (orgUnit == null || t.OrgUnit!.Code == orgUnit) && (year == null || t.Year == year))
                    .OrderBy(t => t.Indicator!.Code)
                    .Select(t => new { dataElement = t.Indicator!.Code, orgUnit = t.OrgUnit!.Code, t.Year, disaggregation = t.Disaggregation!.Code, t.Value, t.Comment })
                    .ToListAsync(ct)))
            .WithName("ListTargets").WithSummary("Chỉ tiêu kế hoạch theo đơn vị và năm");
        group.MapPost("/", async (List<TargetRow> rows, bool? dryRun, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(db, new ImportPackage { Targets = rows }, dryRun ?? false, "api:targets", ct)))
            .WithName("UpsertTargets").WithSummary("Ghi chỉ tiêu kế hoạch");
    }
}
