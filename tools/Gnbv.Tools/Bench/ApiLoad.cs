using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Users;
using Gnbv.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gnbv.Tools.Bench;

/// <summary>What <see cref="ApiLoad"/> runs: wrk's connections, threads and duration, and where the values go.</summary>
public sealed record ApiLoadOptions
{
    public int Connections { get; init; } = 64;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public int Threads { get; init; } = 2;

    /// <summary>The unit whose communes receive the values (code); the demo's district Bảo Lâm by default.</summary>
    public string Unit { get; init; } = "042";

    /// <summary>The period written into, as the API names it (DHIS2 style: 202403 is March 2024).</summary>
    public string Period { get; init; } = "202403";

    /// <summary>A request slower than this is a wrk timeout, counted as an error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>One wrk run: throughput, latency percentiles, and the failed requests (non-2xx and socket errors).</summary>
public sealed record ApiLoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, int Connections, double Seconds);

/// <summary>
/// Loads the data-entry API (POST /api/v1/dataValueSets) with wrk: the web app is hosted in this
/// process on a free loopback port, exactly as it runs in production (same startup, same
/// database), and wrk runs as its own process, each request saving one value of a commune of
/// the unit for the period, signed with a district officer's API token.
/// </summary>
public static class ApiLoad
{
    private const string UserName = "bench.api";
    private const string Path = "/api/v1/dataValueSets";

    public static async Task<ApiLoadResult> RunAsync(DatabaseOptions db, ApiLoadOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.Connections < options.Threads || options.Threads < 1)
            throw new ArgumentException($"wrk needs at least one connection per thread ({options.Connections} connections, {options.Threads} threads)");
        var period = Period.Parse(options.Period);
        var wrk = ApiLoadWrk.Find();

        await using var app = await StartAsync(db, log, ct);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        ApiLoadScript script;
        string secret;
        int tokenId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            context.Actor = "bench";
            script = await ApiLoadScript.BuildAsync(context, options.Unit, period, options.Threads, ct);
            (tokenId, secret) = await CreateTokenAsync(context, script.UnitCode, ct);
        }
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"api-load: {url}{Path}, {script.UnitCount} units under {script.UnitCode} x {script.Keys.Count / script.UnitCount} indicator/disaggregation pairs = {script.Keys.Count} values of {period.Id}"));

        var scriptFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gnbv-api-load-{Guid.NewGuid():N}.lua");
        try
        {
            await File.WriteAllTextAsync(scriptFile, script.ToLua(Path, secret), new UTF8Encoding(false), ct);
            // Warm-up outside the measurement: JIT, connection pool, and the period's row (created by the first save).
            await WarmUpAsync(url, secret, script, ct);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var run = await ApiLoadWrk.RunAsync(wrk, url, scriptFile, options, log, ct);
            // The app's own CPU per request: a figure that a machine shared with other work disturbs less than latency.
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"api-load: web app CPU {cpu.TotalSeconds:0.0} s, {cpu.TotalMilliseconds / Math.Max(1, run.Requests):0.00} ms per request"));
            if (run.Errors > 0)
                await log.WriteLineAsync($"api-load: {run.Errors} failed requests: not a valid measurement");
            return run;
        }
        finally
        {
            File.Delete(scriptFile);
            await using var scope = app.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await context.ApiTokens.Where(t => t.Id == tokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow), CancellationToken.None);
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The production web app on 127.0.0.1:0; the demo is never loaded; warnings and errors go to the log.</summary>
    private static async Task<WebApplication> StartAsync(DatabaseOptions db, TextWriter log, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(Startup).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddGnbv();
        // Registered after AddGnbv's own PostConfigure, so the given options win over GNBV_DB and GNBV_DEMO.
        builder.Services.PostConfigure<DatabaseOptions>(o =>
        {
            o.Provider = db.Provider;
            o.ConnectionString = db.ConnectionString;
            o.ReadOnlyConnectionString = db.ReadOnlyConnectionString;
        });
        builder.Services.PostConfigure<GnbvOptions>(o => o.LoadDemo = false);
        // The console is the bench's JSON output: the app's log goes to the bench log instead, warnings and errors only.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Error);
        builder.Logging.AddProvider(new ApiLoadLogger(log));

        var app = builder.Build();
        try
        {
            await app.PrepareDatabaseAsync();
            app.UseGnbv();
            await app.StartAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A district officer of the unit (created once) and a fresh token, revoked after the run.</summary>
    private static async Task<(int Id, string Secret)> CreateTokenAsync(AppDbContext db, string unit, CancellationToken ct)
    {
        var name = $"{UserName}.{unit}";
        var normalized = name.ToUpperInvariant();
        if (!await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UserAdmin>(Gnbv.Data.CoreServices.Over(db)).CreateAsync(name, "Đo tải API (bench)", Roles.DistrictOfficer, unit, UserAdmin.GeneratePassword(), ct);
        var (token, secret) = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ApiTokens>(Gnbv.Data.CoreServices.Over(db)).CreateAsync(name, "api-load", days: 1, ct);
        return (token.Id, secret);
    }

    private static async Task WarmUpAsync(string url, string secret, ApiLoadScript script, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        for (var i = 0; i < Math.Min(200, script.Keys.Count); i++)
        {
            using var body = new StringContent(script.Body(i, i), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(Path, body, ct);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException(
                    $"api-load: warm-up request {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
