using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gnbv.IntegrationTests.Operations;

/// <summary>A path that fails with an unexpected exception inside the app's pipeline, as a server bug would.</summary>
public sealed class ThrowAtPath(string path) : IStartupFilter
{
    public const string Secret = "chi tiết nội bộ không được lộ ra";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext http, RequestDelegate rest) =>
            http.Request.Path == path ? throw new InvalidOperationException(Secret) : rest(http));
    };
}
