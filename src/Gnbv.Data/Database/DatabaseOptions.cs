namespace Gnbv.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives. Bound from the "Database" section, or GNBV_DB, GNBV_DB_PROVIDER and GNBV_DB_READONLY.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqlite = "Data Source=gnbv.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>
    /// Optional read-only connection (a streaming replica of the primary, same provider) for reports,
    /// dashboards and figures; see <see cref="ReadOnlyDb"/>. Unset: they read the primary.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }

    public static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"Loại CSDL '{text}' không hợp lệ trong GNBV_DB_PROVIDER / Database:Provider: dùng sqlite hoặc postgres (unknown database provider)"),
    };

    /// <summary>Environment variables win over configuration files, as the README documents.</summary>
    public DatabaseOptions WithEnvironment(Func<string, string?> env)
    {
        var provider = env("GNBV_DB_PROVIDER");
        var connection = env("GNBV_DB");
        var readOnly = env("GNBV_DB_READONLY");
        if (!string.IsNullOrWhiteSpace(provider)) Provider = ParseProvider(provider);
        if (!string.IsNullOrWhiteSpace(connection)) ConnectionString = connection;
        if (!string.IsNullOrWhiteSpace(readOnly)) ReadOnlyConnectionString = readOnly;
        return this;
    }
}
