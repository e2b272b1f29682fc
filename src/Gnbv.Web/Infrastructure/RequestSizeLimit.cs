using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// One limit on request bodies (Gnbv:MaxRequestMegabytes) for Kestrel, the form reader and uploads.
/// A request that declares a larger body is refused with 413 before anything is read; a chunked one
/// fails with the same 413 when it crosses the limit (Kestrel), so nothing is ever written.
/// </summary>
public static class RequestSizeLimit
{
    public static IServiceCollection AddGnbvRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GnbvOptions>>((kestrel, gnbv) =>
            kestrel.Limits.MaxRequestBodySize = gnbv.Value.MaxRequestBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<GnbvOptions>>((form, gnbv) =>
            form.MultipartBodyLengthLimit = gnbv.Value.MaxRequestBytes);
        return services;
    }

    /// <summary>Refuses a declared Content-Length over the limit at once, whatever the server (Kestrel or a test host).</summary>
    public static IApplicationBuilder UseGnbvRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.RequestServices.GetRequiredService<IOptions<GnbvOptions>>().Value.MaxRequestBytes;
        if (http.Request.ContentLength > max)
        {
            // Keep-alive would make the server drain (or reset on) the unread body; ask the client to close.
            http.Response.Headers.Connection = "close";
            await ErrorResponses.WriteAsync(http, TooLarge(http));
            return;
        }
        await next(http);
    });

    public static ProblemDetails TooLarge(HttpContext http)
    {
        var mb = http.RequestServices.GetRequiredService<IOptions<GnbvOptions>>().Value.MaxRequestMegabytes;
        return new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Yêu cầu quá lớn, không ghi gì (request too large, nothing written)",
            Detail = $"Dữ liệu gửi lên vượt quá {mb} MB. Hãy chia tệp thành nhiều phần (ví dụ theo xã) rồi gửi lại, hoặc nhờ quản trị viên tăng Gnbv:MaxRequestMegabytes.",
        };
    }

    public static ProblemDetails FormTooLarge(Exception e) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Biểu mẫu quá lớn, không ghi gì (form too large, nothing written)",
        Detail = $"Biểu mẫu gửi lên vượt giới hạn của máy chủ ({e.Message}). Hãy chia dữ liệu thành nhiều lần gửi.",
    };
}
