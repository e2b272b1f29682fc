using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Indicators;

public sealed record IndicatorDto(string Code, string Name, string UnitOfMeasure, string ValueType, string Aggregation, string? ProgramItem, IReadOnlyList<string> Disaggregations);

public static class IndicatorsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("/", ListAsync).WithName("ListIndicators").WithSummary("Chỉ tiêu (data elements); lọc theo dự án (programItem)");
        group.MapGet("/{code}", GetAsync).WithName("GetIndicator").WithSummary("Một chỉ tiêu theo mã");
        group.MapPost("/", async (List<IndicatorRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { Indicators = rows }, dryRun ?? false, "api:indicators", ct)))
            .RequireAuthorization(Policies.Admin).WithName("UpsertIndicators").WithSummary("Thêm hoặc sửa chỉ tiêu");
        api.MapGet("/disaggregations", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Disaggregations.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.Name }).ToListAsync(ct)))
            .WithTags("Indicators").WithName("ListDisaggregations").WithSummary("Phân tổ (nghèo, cận nghèo, dân tộc thiểu số, nữ...)");
        api.MapPost("/disaggregations", async (List<DisaggregationRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { Disaggregations = rows }, dryRun ?? false, "api:disaggregations", ct)))
            .WithTags("Indicators").RequireAuthorization(Policies.Admin).WithName("UpsertDisaggregations").WithSummary("Thêm hoặc sửa phân tổ");
    }

    private static async Task<Ok<List<IndicatorDto>>> ListAsync(AppDbContext db, string? programItem, CancellationToken ct) =>
        TypedResults.Ok((await Query(db).Where(i => programItem == null || i.ProgramItem!.Code == programItem).ToListAsync(ct))
            .Select(ToDto).ToList());

    private static async Task<Results<Ok<IndicatorDto>, NotFound>> GetAsync(string code, AppDbContext db, CancellationToken ct) =>
        await Query(db).FirstOrDefaultAsync(i => i.Code == code, ct) is { } i ? TypedResults.Ok(ToDto(i)) : TypedResults.NotFound();

    private static IQueryable<Domain.Indicators.Indicator> Query(AppDbContext db) =>
        db.Indicators.AsNoTracking().Include(i => i.ProgramItem).Include(i => i.Disaggregations).ThenInclude(d => d.Disaggregation)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code);

    private static IndicatorDto ToDto(Domain.Indicators.Indicator i) => new(
        i.Code, i.Name, i.UnitOfMeasure, i.ValueType.ToString().ToLowerInvariant(), i.Aggregation.ToString().ToLowerInvariant(),
        i.ProgramItem?.Code, i.Disaggregations.OrderBy(d => d.SortOrder).Select(d => d.Disaggregation!.Code).ToList());
}
