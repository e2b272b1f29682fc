using Gnbv.Data.Catalogue;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Domain.Catalogue;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Catalogue;

public sealed record ProgramItemDto(string Code, string Name, string Kind, string? Parent, string Program, string? Phase, string? Decision, int Order);

public static class CatalogueApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/catalogue").WithTags("Program catalogue");
        group.MapGet("/", ListAsync).WithName("ListProgramItems")
            .WithSummary("Danh mục chương trình > dự án > tiểu dự án; lọc theo chương trình (program)");
        group.MapPost("/", async (List<CatalogueRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { Catalogue = rows }, dryRun ?? false, "api:catalogue", ct)))
            .RequireAuthorization(Policies.Admin).WithName("UpsertProgramItems").WithSummary("Thêm hoặc sửa mục của danh mục chương trình");
        api.MapGet("/fundingSources", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.FundingSources.AsNoTracking().OrderBy(s => s.SortOrder)
                    .Select(s => new { s.Code, s.Name }).ToListAsync(ct)))
            .WithTags("Program catalogue").WithName("ListFundingSources").WithSummary("Nguồn vốn");
        api.MapPost("/fundingSources", async (List<FundingSourceRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { FundingSources = rows }, dryRun ?? false, "api:fundingSources", ct)))
            .WithTags("Program catalogue").RequireAuthorization(Policies.Admin).WithName("UpsertFundingSources").WithSummary("Thêm hoặc sửa nguồn vốn");
    }

    private static async Task<Ok<List<ProgramItemDto>>> ListAsync(AppDbContext db, string? program, CancellationToken ct)
    {
        var items = await db.ProgramItems.AsNoTracking()
            .Where(i => program == null || i.ProgramCode == program)
            .ToListAsync(ct);
        var codes = await db.ProgramItems.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return TypedResults.Ok(CatalogueOrder.Sort(items)
            .Select(i => new ProgramItemDto(i.Code, i.Name, i.Kind.ToString().ToLowerInvariant(),
                i.ParentId is { } p ? codes[p] : null, i.ProgramCode, i.Phase, i.Decision, i.SortOrder))
            .ToList());
    }
}
