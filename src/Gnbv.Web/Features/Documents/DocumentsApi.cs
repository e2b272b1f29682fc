using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Documents;

public static class DocumentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Documents");
        group.MapGet("/", async (DateOnly? from, DateOnly? to, string? issuer, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                // Documents of the actor's units, and those of higher bodies (no issuer unit), which everyone cites.
                var scope = await actor.ScopeAsync(issuer, ct);
                return TypedResults.Ok(await db.Documents.AsNoTracking()
                    .Where(d => (d.IssuerUnitId == null ? issuer == null : scope.Contains(d.IssuerUnitId.Value))
                        && (from == null || d.IssuedOn >= from) && (to == null || d.IssuedOn <= to))
                    .OrderBy(d => d.IssuedOn).ThenBy(d => d.Number)
                    .Select(d => new
                    {
                        d.Number,
                        d.Kind,
                        date = d.IssuedOn,
                        issuer = d.IssuerUnit!.Code,
                        d.IssuerName,
                        d.Subject,
                        d.Url,
                        programItems = d.ProgramItems.Select(x => x.ProgramItem!.Code).ToList(),
                    })
                    .ToListAsync(ct));
            })
            .WithName("ListDocuments").WithSummary("Văn bản chỉ đạo, điều hành theo khoảng ngày ban hành và cơ quan ban hành");
        group.MapPost("/", async (List<DocumentRow> rows, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { Documents = rows }, dryRun ?? false, "api:documents", ct)))
            .RequireAuthorization(Policies.DataWriter)
            .WithName("UpsertDocuments").WithSummary("Thêm hoặc sửa văn bản theo số ký hiệu và ngày");
    }
}
