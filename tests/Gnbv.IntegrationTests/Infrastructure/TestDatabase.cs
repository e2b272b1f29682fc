using Gnbv.Data.Database;
using Npgsql;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, migrated and seeded database per test, on SQLite or PostgreSQL. Each provider migrates
/// once into a template (a file copied, or a PostgreSQL TEMPLATE database), so tests start fast.
/// PostgreSQL comes from GNBV_TEST_POSTGRES (a server connection string without a database); the
/// README test command starts a throwaway cluster and sets it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;
    private readonly string? _postgresName;
    private readonly string? _sqlitePath;

    private TestDatabase(DatabaseOptions options, string? sqlitePath, string? postgresName)
    {
        Options = options;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;
    public string ConnectionString => Options.ConnectionString;

    public AppDbContext CreateContext() => DbContextSetup.Create(Options);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                _sqliteTemplate ??= await CreateSqliteTemplateAsync();
                var path = Path.Combine(Path.GetTempPath(), $"gnbv-test-{Guid.NewGuid():N}.db");
                File.Copy(_sqliteTemplate, path);
                return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={path};Pooling=False" }, path, null);
            }
            _postgresTemplate ??= await CreatePostgresTemplateAsync();
            var name = $"gnbv_t_{Guid.NewGuid():N}";
            await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE {_postgresTemplate}");
            return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = PostgresDatabase(name, pooling: true) }, null, name);
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("GNBV_TEST_POSTGRES") is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException(
            "GNBV_TEST_POSTGRES is not set: run the suites with scripts/test.sh, which starts a throwaway PostgreSQL, " +
            "or filter to SQLite with --filter Db!=Postgres");

    /// <summary>
    /// A test database's connections are pooled (a new PostgreSQL connection costs ~10 ms, and a
    /// request makes several); the template and the server's own database are not, so that
    /// CREATE DATABASE ... TEMPLATE finds the template free. Dropping uses WITH (FORCE).
    /// </summary>
    public static string PostgresDatabase(string name, bool pooling = false) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = pooling }.ConnectionString;

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-template-{Guid.NewGuid():N}.db");
        await using var db = DbContextSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=False" });
        await db.Service<DatabaseInitializer>().MigrateAsync();
        await db.Database.ExecuteSqlRawAsyncSafe("PRAGMA wal_checkpoint(TRUNCATE);");
        await db.Database.ExecuteSqlRawAsyncSafe("PRAGMA journal_mode=DELETE;");
        return path;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = $"gnbv_template_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        await using (var db = DbContextSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = PostgresDatabase(name) }))
        {
            await db.Service<DatabaseInitializer>().MigrateAsync();
        }
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
                if (File.Exists(file)) File.Delete(file);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}

internal static class DatabaseFacadeExtensions
{
    public static async Task ExecuteSqlRawAsyncSafe(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade db, string sql) =>
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db, sql);
}
