using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Npgsql;

namespace Gnbv.IntegrationTests.Backup;

/// <summary>
/// A database with nothing in it, not even the schema (TestDatabase gives a migrated, seeded one):
/// what an operator restores into on a new server.
/// </summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresName;

    private EmptyDatabase(DatabaseOptions options, string? sqlitePath, string? postgresName)
    {
        Options = options;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }

    public AppDbContext CreateContext() => DbContextSetup.Create(Options);

    public static async Task<EmptyDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"gnbv-empty-{Guid.NewGuid():N}.db");
            return new EmptyDatabase(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={path};Pooling=False" }, path, null);
        }
        var name = $"gnbv_e_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        return new EmptyDatabase(new DatabaseOptions { Provider = provider, ConnectionString = TestDatabase.PostgresDatabase(name) }, null, name);
    }

    private static async Task ExecuteOnServerAsync(string sql)
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
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}
