using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// Writes an error the way the caller reads it: a small Vietnamese HTML page for a browser on a
/// page (with the request id to quote), ProblemDetails for the API and every other client.
/// </summary>
public static class ErrorResponses
{
    // Vietnamese letters as they are (as the pages write them), markup characters escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool WantsHtml(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api")
        && http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(HttpContext http, ProblemDetails problem, Exception? exception = null)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (WantsHtml(http))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Html(problem.Title ?? "Lỗi (error)", problem.Detail, http.TraceIdentifier));
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
        {
            // A client that accepts neither HTML nor JSON still gets the reason and the id.
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"{problem.Title}: {problem.Detail} (request id {http.TraceIdentifier})");
        }
    }

    private static string Html(string title, string? detail, string requestId)
    {
        var t = Encoder.Encode(title);
        var d = detail is null ? "" : $"<p>{Encoder.Encode(detail)}</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{t} · GNBV</title></head>
            <body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
            <h1>{t}</h1>
            {d}
            <p>Mã yêu cầu (request id): <code>{Encoder.Encode(requestId)}</code>. Khi báo lỗi cho quản trị viên, xin gửi kèm mã này.</p>
            <p><a href="/">Về trang chủ (home)</a></p>
            </body></html>
            """;
    }
}
