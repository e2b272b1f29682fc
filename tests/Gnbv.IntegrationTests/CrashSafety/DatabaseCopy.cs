using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Npgsql;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// A copy of a test database as it is now (a file copy, or CREATE DATABASE ... TEMPLATE), for
/// running the same import uninterrupted and comparing the outcome.
/// </summary>
public sealed class DatabaseCopy : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresName;

    private DatabaseCopy(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public AppDbContext CreateContext() => DbContextSetup.Create(new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString });

    public static async Task<DatabaseCopy> CreateAsync(TestDatabase source)
    {
        if (source.Provider == DatabaseProvider.Sqlite)
        {
            var from = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(source.ConnectionString).DataSource;
            var path = Path.Combine(Path.GetTempPath(), $"gnbv-copy-{Guid.NewGuid():N}.db");
            File.Copy(from, path);
            if (File.Exists(from + "-wal")) File.Copy(from + "-wal", path + "-wal");
            return new DatabaseCopy(source.Provider, $"Data Source={path};Pooling=False", path, null);
        }
        var sourceName = new NpgsqlConnectionStringBuilder(source.ConnectionString).Database!;
        var name = $"gnbv_c_{Guid.NewGuid():N}";
        // The template must have no sessions: the pooled connections of the source go first.
        NpgsqlConnection.ClearAllPools();
        await ServerAsync($"CREATE DATABASE {name} TEMPLATE {sourceName}");
        return new DatabaseCopy(source.Provider, TestDatabase.PostgresDatabase(name), null, name);
    }

    private static async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
                if (File.Exists(file)) File.Delete(file);
        if (_postgresName is not null) await ServerAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
    }
}
