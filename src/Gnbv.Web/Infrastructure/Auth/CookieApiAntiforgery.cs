using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>
/// One rule for every API write a browser's cookie authenticates: it must carry the antiforgery
/// token (header <c>RequestVerificationToken</c>, or the form field of a page form), whatever the
/// endpoint and its content type; otherwise 400 before the endpoint runs. A cookie rides along on
/// any request the browser makes, a bearer token only where a client put it, so token calls are
/// exempt. Reads (GET, HEAD, OPTIONS, TRACE) change nothing and pass.
/// </summary>
public static class CookieApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseCookieApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await ErrorResponses.WriteAsync(http, new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Thiếu mã chống giả mạo (antiforgery token missing)",
                Detail = $"Ghi qua API bằng phiên đăng nhập của trình duyệt phải kèm mã chống giả mạo (header {HeaderName}); "
                         + "ứng dụng gọi API bằng token (Authorization: Bearer) thì không cần.",
            });
            return;
        }
        await next();
    });

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
             || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
        && type == IdentityConstants.ApplicationScheme;
}
