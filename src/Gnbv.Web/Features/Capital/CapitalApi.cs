using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Capital;

/// <summary>A capital plan write: allocations and disbursements together, in one transaction.</summary>
public sealed class CapitalPlan
{
    public List<AllocationRow> CapitalAllocations { get; set; } = [];
    public List<DisbursementRow> Disbursements { get; set; } = [];
}

public static class CapitalApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/capital").WithTags("Capital");
        group.MapGet("/allocations", async (string? orgUnit, int? year, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                var scope = await actor.ScopeAsync(orgUnit, ct);
                return TypedResults.Ok(await db.CapitalAllocations.AsNoTracking()
                    .Where(a => scope.Contains(a.OrgUnitId) && (year == null || a.Year == year))
                    .OrderBy(a => a.ProgramItem!.Code).ThenBy(a => a.FundingSource!.SortOrder)
                    .Select(a => new
                    {
                        orgUnit = a.OrgUnit!.Code,
                        programItem = a.ProgramItem!.Code,
                        source = a.FundingSource!.Code,
                        a.Year,
                        carriedOverFrom = a.CarriedOverFromYear,
                        amount = a.AmountDong,
                        decision = a.Decision!.Number,
                        a.Note,
                    })
                    .ToListAsync(ct));
            })
            .WithName("ListAllocations").WithSummary("Kế hoạch vốn giao (đồng) theo đơn vị (và cấp dưới), dự án, nguồn, năm");
        group.MapGet("/disbursements", async (string? orgUnit, string? period, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                var scope = await actor.ScopeAsync(orgUnit, ct);
                return TypedResults.Ok(await db.Disbursements.AsNoTracking()
                    .Where(d => scope.Contains(d.OrgUnitId) && (period == null || d.Period!.Code == period))
                    .OrderBy(d => d.ProgramItem!.Code)
                    .Select(d => new { orgUnit = d.OrgUnit!.Code, programItem = d.ProgramItem!.Code, source = d.FundingSource!.Code, period = d.Period!.Code, amount = d.AmountDong, d.Comment })
                    .ToListAsync(ct));
            })
            .WithName("ListDisbursements").WithSummary("Giải ngân (đồng) theo kỳ");
        group.MapPost("/", async (CapitalPlan plan, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor,
                    new ImportPackage { CapitalAllocations = plan.CapitalAllocations, Disbursements = plan.Disbursements }, dryRun ?? false, "api:capital", ct)))
            .RequireAuthorization(Policies.DataWriter)
            .WithName("UpsertCapital").WithSummary("Ghi kế hoạch vốn và giải ngân");
    }
}
