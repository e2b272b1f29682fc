using Gnbv.Data.Audit;
using Gnbv.Data.Database;
using Gnbv.Web.Infrastructure.Auth;

namespace Gnbv.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? entity, string? key, string? orgUnit, DateTime? from, DateTime? to, int? limit, string? format,
                HttpContext http, AuditLog log, CurrentActor actor, CancellationToken ct) =>
            {
                var scope = await actor.ScopeAsync(orgUnit, ct);
                var records = await log.QueryAsync(scope, includeShared: string.IsNullOrWhiteSpace(orgUnit),
                    new AuditQuery(entity, key, from?.ToUniversalTime(), to?.ToUniversalTime(), limit ?? 1000, Accounts: (await actor.GetAsync(ct)).IsAdmin), ct);
                if (format != "csv") return Results.Ok(records);
                http.Response.Headers.ContentDisposition = "attachment; filename=\"nhat-ky-thay-doi.csv\"";
                await using var writer = new StringWriter();
                AuditLog.WriteCsv(writer, records);
                return Results.Text("\uFEFF" + writer, "text/csv; charset=utf-8");
            })
            .WithTags("Audit").WithName("GetAudit")
            .WithSummary("Nhật ký thay đổi (ai, khi nào, cũ, mới, lý do) của số liệu, vốn, giải ngân, công trình, văn bản, nội dung báo cáo, gửi/duyệt (tài khoản và token: chỉ quản trị); format=csv để tải về");
    }
}
