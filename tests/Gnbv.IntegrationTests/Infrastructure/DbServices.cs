using System.Runtime.CompilerServices;
using Gnbv.Data;
using Gnbv.Data.Database;
using Gnbv.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// The product's services over a context a test opened itself: the same registrations as the web
/// app and the CLI (<see cref="CoreServices"/>, <see cref="ReportServices"/>), reading and writing
/// that context, on the pinned day of <see cref="TestClock"/> unless a test gives its own clock.
/// </summary>
public static class DbServices
{
    private static readonly ConditionalWeakTable<AppDbContext, ServiceProvider> Providers = new();

    public static T Service<T>(this AppDbContext db) where T : notnull =>
        Providers.GetValue(db, d => Build(d, TestClock.Create())).GetRequiredService<T>();

    /// <summary>A provider over <paramref name="db"/> with the given clock; the caller disposes it (not the context).</summary>
    public static ServiceProvider Build(AppDbContext db, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddGnbvCoreOver(db);
        services.AddGnbvReports();
        return services.BuildServiceProvider();
    }
}
