using Gnbv.Data;
using Gnbv.Data.Database;
using Gnbv.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gnbv.Cli;

/// <summary>
/// One command's services: the same composition root as the web app (<see cref="CoreServices.AddGnbvCore"/>
/// and <see cref="ReportServices.AddGnbvReports"/>) over the database the command names, in one scope
/// whose <see cref="AppDbContext"/> every service shares.
/// </summary>
public sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private CliServices(ServiceProvider root)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
    }

    /// <param name="clock">The command's clock (the system's, GNBV_TEST_NOW's or a test's): every service reads it.</param>
    public static CliServices Create(DatabaseOptions options, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(Options.Create(options));
        services.AddGnbvCore();
        services.AddGnbvReports();
        return new CliServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>The primary context (migrated when opened through <see cref="GlobalOptions.OpenAsync"/>).</summary>
    public AppDbContext Db => Get<AppDbContext>();

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A service over the read-only context (the replica named by GNBV_DB_READONLY, else the primary).</summary>
    public T GetReadOnly<T>() where T : notnull => _scope.ServiceProvider.GetRequiredKeyedService<T>(ReadOnlyDb.Key);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
