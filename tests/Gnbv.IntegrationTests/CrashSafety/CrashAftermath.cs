using System.Diagnostics;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// After a killed import: nothing of its session is left (no session, lock or staging table on
/// PostgreSQL) and the SQLite file passes its integrity check. Only looked at once the process is
/// gone: the tests learn where the import is from its fail point, never by probing its locks.
/// </summary>
public static class CrashAftermath
{
    /// <summary>After a kill: nothing of the import's session is left and the database opens clean.</summary>
    public static async Task AssertCleanAsync(TestDatabase db, string applicationName)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(db.ConnectionString);
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            (await cmd.ExecuteScalarAsync()).ShouldBe("ok");
            return;
        }
        // The server ends the session once it sees the client gone; a statement under way runs to its end first.
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app", ("app", applicationName)) > 0)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), "the killed import's session is still on the server");
            await Task.Delay(50);
        }
        (await ScalarAsync(db, """
            SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE d.datname = current_database() AND l.pid <> pg_backend_pid()
            """)).ShouldBe(0, "locks left on the database");
        (await ScalarAsync(db, """
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'
            """)).ShouldBe(0, "a session left idle in transaction");
        (await ScalarAsync(db, """
            SELECT count(*) FROM pg_class WHERE relname IN ('stage_h', 'stage_m', 'value_updates')
            """)).ShouldBe(0, "staging tables left behind");
    }

    static async Task<long> ScalarAsync(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
