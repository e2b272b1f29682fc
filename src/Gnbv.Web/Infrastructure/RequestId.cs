namespace Gnbv.Web.Infrastructure;

/// <summary>
/// Gives every request an id an officer can quote: a well-formed incoming X-Request-Id (from a proxy
/// that already logged it) or the server's own trace identifier. It is returned in the response
/// header, becomes <see cref="HttpContext.TraceIdentifier"/> (so error pages and ProblemDetails show
/// it) and sits in a logging scope ("RequestId") so every log line of the request carries it.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> log)
{
    public const string Header = "X-Request-Id";
    public const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext http)
    {
        var incoming = http.Request.Headers[Header];
        var id = incoming.Count == 1 && IsWellFormed(incoming[0]) ? incoming[0]! : http.TraceIdentifier;
        http.TraceIdentifier = id;
        // The exception handler clears the headers of a failed response; OnStarting runs after it.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (log.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
            await next(http);
    }

    /// <summary>Letters, digits and - _ . : only, at most 64: nothing that could forge a log line or a header.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
