using System.CommandLine;
using Gnbv.Data.Database;

namespace Gnbv.Cli;

/// <summary>--db and --provider, on every command; GNBV_DB and GNBV_DB_PROVIDER when absent.</summary>
public sealed class GlobalOptions
{
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

    /// <summary>Opens the database, bringing it to the current schema first (as the web app does at start).</summary>
    public async Task<AppDbContext> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var db = DbContextSetup.Create(Resolve(parse));
        db.Actor = "cli:" + Environment.UserName;
        await DatabaseInitializer.MigrateAsync(db, ct);
        return db;
    }
}
