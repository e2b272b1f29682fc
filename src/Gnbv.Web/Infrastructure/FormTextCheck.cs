using Gnbv.Domain.Formatting;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// The text check (<see cref="TextCheck.FreeText"/>) for what arrives outside JSON: every query
/// string value and every field of a page form (URL-encoded; a multipart upload's reason goes on to
/// the package or the audit's reason, which check it there). A control character is a 400 naming the
/// field before any page or endpoint sees it: a NUL in a page's comment was stored on SQLite and a
/// 500 on PostgreSQL. Codes typed on a page go on to the importer, which also refuses invisible ones.
/// </summary>
public sealed class FormTextCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        foreach (var (key, values) in http.Request.Query)
            if (Problem(key, values) is { } problem)
            {
                await RefuseAsync(http, $"tham số '{Shown(key)}' {problem}");
                return;
            }
        if (http.Request.HasFormContentType
            && http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException e) when (e.Message.Contains("invalid characters", StringComparison.Ordinal))
            {
                // The form reader itself refuses a NUL, without saying where (it was answered as "form too large").
                await RefuseAsync(http, "biểu mẫu có ký tự điều khiển U+0000 (NUL), không được phép (control character)");
                return;
            }
            foreach (var (key, values) in form)
                if (Problem(key, values) is { } problem)
                {
                    await RefuseAsync(http, $"ô '{Shown(key)}' {problem}");
                    return;
                }
        }
        await next(http);
    }

    private static string? Problem(string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (TextCheck.FreeText(key) is { } k) return k;
        foreach (var v in values)
            if (TextCheck.FreeText(v) is { } p) return p;
        return null;
    }

    /// <summary>A form field's name as the page gives it ("Input.Comment"), without what made it refused.</summary>
    private static string Shown(string key) => new([.. key.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(100)]);

    private static Task RefuseAsync(HttpContext http, string message) =>
        ErrorResponses.WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Dữ liệu không hợp lệ, không ghi gì (invalid data, nothing written)",
            Detail = message,
            Extensions = { ["requestId"] = http.TraceIdentifier },
        });
}
