using System.CommandLine;
using Gnbv.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Cli;

/// <summary>--db and --provider, on every command; GNBV_DB and GNBV_DB_PROVIDER when absent.</summary>
public sealed class GlobalOptions
{
    /// <summary>The one clock of this run, given to every service the commands open.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Chuỗi kết nối CSDL (connection string); mặc định GNBV_DB hoặc Data Source=gnbv.db",
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "sqlite | postgres; mặc định GNBV_DB_PROVIDER, hoặc postgres khi chuỗi kết nối có Host=",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Provider);
    }

    public DatabaseOptions Resolve(ParseResult parse)
    {
        var options = new DatabaseOptions().WithEnvironment(Environment.GetEnvironmentVariable);
        var db = parse.GetValue(Db);
        var provider = parse.GetValue(Provider);
        if (!string.IsNullOrWhiteSpace(db))
        {
            options.ConnectionString = db;
            if (string.IsNullOrWhiteSpace(provider) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GNBV_DB_PROVIDER")))
                options.Provider = db.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        }
        if (!string.IsNullOrWhiteSpace(provider)) options.Provider = DatabaseOptions.ParseProvider(provider);
        return options;
    }

    /// <summary>
    /// Opens the read-only connection (a streaming replica) without touching the primary: a replica
    /// cannot be migrated, so one whose schema is behind this build is refused with the fix.
    /// </summary>
    public static async Task<CliServices> OpenReadOnlyAsync(DatabaseOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (options.ReadOnlyConnectionString is { } replica && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GNBV_DB_PROVIDER"))
            && replica.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            options.Provider = DatabaseProvider.Postgres;
        var services = CliServices.Create(options, clock);
        if ((await services.GetReadOnly<AppDbContext>().Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await services.DisposeAsync();
            throw new InvalidOperationException(
                "CSDL chỉ đọc chưa ở phiên bản lược đồ mới nhất (the read-only database's schema is behind: run gnbv db migrate on the primary and let the replica catch up)");
        }
        return services;
    }

    /// <summary>Opens the database, bringing it to the current schema first (as the web app does at start).</summary>
    public async Task<CliServices> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var options = Resolve(parse);
        var services = CliServices.Create(options, Clock);
        services.Db.Actor = "cli:" + Environment.UserName;
        try
        {
            await services.Get<DatabaseInitializer>().MigrateAsync(ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException
                                      or InvalidOperationException or ArgumentException or IOException)
        {
            // An unreachable server or a bad connection string is one line naming the setting, not a stack trace.
            await services.DisposeAsync();
            throw new InvalidOperationException(StartupError.CannotOpen(options, e), e);
        }
        return services;
    }
}
