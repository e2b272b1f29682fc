using System.Text.Json;
using Gnbv.Data.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// /health/live answers while the process runs and touches nothing; /health/ready says whether the
/// database (and the read-only replica, when one is set) can be reached and has every migration.
/// Both are anonymous and never show a connection string: a reason is a short fixed phrase.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddGnbvHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(10));
        return services;
    }

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, ms = (int)e.Value.Duration.TotalMilliseconds }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

/// <summary>The primary can be opened and is at this build's schema; so is the replica, when set.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db, ReadOnlyDb readOnly, ILogger<DatabaseHealthCheck> log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var primary = await CheckAsync(db, "database", ct);
        if (primary is not null) return HealthCheckResult.Unhealthy(primary);
        if (readOnly.IsReplica)
        {
            await using var replica = readOnly.Create();
            var problem = await CheckAsync(replica, "read-only replica", ct);
            if (problem is not null) return HealthCheckResult.Unhealthy(problem);
        }
        return HealthCheckResult.Healthy("database reachable, schema up to date");
    }

    private async Task<string?> CheckAsync(AppDbContext context, string what, CancellationToken ct)
    {
        try
        {
            // CanConnect does not create a missing SQLite file; pending migrations are only asked of a database that exists.
            if (!await context.Database.CanConnectAsync(ct)) return what + " unreachable";
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).Count();
            return pending == 0 ? null : $"{what}: {pending} pending migration(s)";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message may name the host; the log keeps it, the anonymous answer does not.
            log.LogWarning(e, "Health check of the {What} failed", what);
            return $"{what} unreachable ({e.GetType().Name})";
        }
    }
}
