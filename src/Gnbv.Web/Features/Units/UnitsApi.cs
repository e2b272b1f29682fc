using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Units;

public static class UnitsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/orgUnits").WithTags("Org units");
        group.MapGet("/", ListAsync).WithName("ListOrgUnits")
            .WithSummary("Danh sách đơn vị hành chính; lọc theo đơn vị cấp trên (parent) và ngày hiệu lực (validOn)");
        group.MapGet("/{code}", GetAsync).WithName("GetOrgUnit").WithSummary("Một đơn vị theo mã");
        group.MapPost("/", async (List<OrgUnitRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { OrgUnits = rows }, dryRun ?? false, "api:orgUnits", ct)))
            .RequireAuthorization(Policies.Admin).WithName("UpsertOrgUnits").WithSummary("Thêm hoặc sửa đơn vị theo mã (kể cả sáp nhập: successor)");
    }

    private static async Task<Ok<List<UnitDto>>> ListAsync(AppDbContext db, string? parent, DateOnly? validOn, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct);
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var parentId = parent is null ? (int?)null : units.FirstOrDefault(u => u.Code == parent)?.Id ?? -1;
        return TypedResults.Ok(units
            .Where(u => parent is null || u.ParentId == parentId)
            .Where(u => validOn is null || u.IsValidOn(validOn.Value))
            .Select(u => u.ToDto(codes)).ToList());
    }

    private static async Task<Results<Ok<UnitDto>, NotFound>> GetAsync(string code, AppDbContext db, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null) return TypedResults.NotFound();
        var ids = new[] { unit.ParentId, unit.SuccessorId }.OfType<int>().ToList();
        var codes = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        return TypedResults.Ok(unit.ToDto(codes));
    }
}
