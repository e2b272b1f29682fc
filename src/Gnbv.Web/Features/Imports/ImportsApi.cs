using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Domain;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gnbv.Web.Features.Imports;

public static class ImportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports");
        group.MapPost("/", ImportAsync)
            .RequireAuthorization(Policies.DataWriter)
            .WithName("Import")
            .WithSummary("Nhập một tệp gnbv-import/1 (JSON) hoặc CSV giá trị chỉ tiêu; tất cả hoặc không gì cả")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery();
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                    db.ImportRuns.OrderByDescending(r => r.Id).Take(100), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListImports").WithSummary("Các lần nhập gần đây");
    }

    private static async Task<Ok<ImportSummary>> ImportAsync(HttpRequest request, PackageImporter importer, CurrentActor actor, bool? dryRun, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new DomainException("Gửi tệp dạng multipart/form-data, trường 'file' (send the file as multipart form field 'file')");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new DomainException("Thiếu trường 'file' (missing form field 'file')");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var name = Infrastructure.UploadFileName.Sanitize(file.FileName);
        var package = ImportFileReader.Read(bytes, name);
        if (form["reason"].ToString() is { Length: > 0 } reason) package.Reason = reason;
        var result = await importer.ImportAsync(package,
            new ImportOptions(DryRun: dryRun ?? false, Source: name, Sha256: ImportFileReader.Sha256(bytes), Actor: await actor.GetAsync(ct)), ct);
        return TypedResults.Ok(ImportSummary.From(result));
    }
}
