using Gnbv.Data.Audit;
using Gnbv.Data.Backup;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Data.Validation;
using Gnbv.Data.Values;
using Gnbv.Data.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gnbv.Data;

/// <summary>
/// The composition root of GNBV's services, shared by the web app and the CLI (see
/// docs/adr/011-services-and-one-write-path.md). Every service is scoped: it lives as long as the
/// request or command and shares its <see cref="AppDbContext"/> (the unit of work) and the one
/// <see cref="TimeProvider"/>. The figure readers are registered twice: over the primary context,
/// and under <see cref="ReadOnlyDb.Key"/> over the read-only one (a replica when configured), so
/// that reports and dashboards read where GNBV_DB_READONLY points while writes check on the primary.
/// </summary>
public static class CoreServices
{
    /// <summary>The database from <see cref="DatabaseOptions"/> (configured by the host) and every service over it.</summary>
    public static IServiceCollection AddGnbvCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext>((sp, options) =>
            DbContextSetup.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ReadOnlyDb(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedScoped(ReadOnlyDb.Key, (sp, _) => sp.GetRequiredService<ReadOnlyDb>().Create());
        return services.AddGnbvServices();
    }

    /// <summary>
    /// The services over an existing context, for code that opens its own (tests, tools): reads and
    /// writes go to <paramref name="db"/>, which the provider does not dispose.
    /// </summary>
    public static ServiceProvider Over(AppDbContext db, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        return services.AddGnbvCoreOver(db).BuildServiceProvider();
    }

    /// <summary>As <see cref="Over"/>, into a collection the caller completes (a clock, the reports).</summary>
    public static IServiceCollection AddGnbvCoreOver(this IServiceCollection services, AppDbContext db)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(db);
        services.AddKeyedSingleton(ReadOnlyDb.Key, db);
        return services.AddGnbvServices();
    }

    private static IServiceCollection AddGnbvServices(this IServiceCollection services)
    {
        // Figures: read-only queries, on the primary and on the read-only context.
        services.AddReader((sp, k) => new UnitTree(sp.Get<AppDbContext>(k)));
        services.AddReader((sp, k) => new UnitResolver(sp.Get<AppDbContext>(k)));
        services.AddReader((sp, k) => new ValueRollup(sp.Get<AppDbContext>(k), sp.Get<UnitTree>(k)));
        services.AddReader((sp, k) => new StoredValues(sp.Get<AppDbContext>(k), sp.Get<UnitTree>(k)));
        services.AddReader((sp, k) => new ValueExporter(sp.Get<AppDbContext>(k), sp.Get<UnitTree>(k), sp.Get<ValueRollup>(k)));
        services.AddReader((sp, k) => new Validator(sp.Get<AppDbContext>(k), sp.Get<UnitTree>(k), sp.Get<ValueRollup>(k), sp.Get<ValueExporter>(k)));
        services.AddReader((sp, k) => new Completeness(sp.Get<AppDbContext>(k), sp.GetRequiredService<TimeProvider>()));
        services.AddReader((sp, k) => new RegistryFigures(sp.Get<AppDbContext>(k)));
        services.AddReader((sp, k) => new Standards(sp.Get<AppDbContext>(k)));

        // The write path: every change goes through the importer's checks (scope, versions, locks, audit).
        services.AddScoped<ValueWriter>();
        services.AddScoped<PackageImporter>();

        // Workflow, audit, users.
        services.AddScoped<WorkflowService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserAdmin>();

        // Registry: household lists, support, census results and the figures published from them.
        services.AddScoped<RegistryUnits>();
        services.AddScoped<RegistryValues>();
        services.AddScoped<RegistryPublisher>();
        services.AddScoped<SupportPublisher>();
        services.AddScoped<HouseholdImporter>();
        services.AddScoped<SupportImporter>();
        services.AddScoped<CensusEditor>();
        services.AddScoped<HouseholdExporter>();

        // Operations.
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoData>();
        services.AddScoped(sp => new BackupWriter(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new BackupRestorer(sp.GetRequiredService<AppDbContext>()));
        return services;
    }

    /// <summary>
    /// Registers a reader over the primary context and, under <see cref="ReadOnlyDb.Key"/>, over the
    /// read-only one; <paramref name="make"/> resolves its dependencies with the key it is given.
    /// </summary>
    public static IServiceCollection AddReader<T>(this IServiceCollection services, Func<IServiceProvider, object?, T> make) where T : class
    {
        services.AddScoped(sp => make(sp, null));
        services.AddKeyedScoped(ReadOnlyDb.Key, (sp, key) => make(sp, key));
        return services;
    }

    /// <summary>The service registered under <paramref name="key"/>, or the unkeyed one when null.</summary>
    public static T Get<T>(this IServiceProvider sp, object? key) where T : notnull =>
        key is null ? sp.GetRequiredService<T>() : sp.GetRequiredKeyedService<T>(key);
}
