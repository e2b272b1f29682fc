using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gnbv.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>One table: its row count and a hash of its rows (in any order).</summary>
public sealed record TableState(string Table, long Rows, string Hash)
{
    public override string ToString() => $"{Table}: {Rows} rows, {Hash}";
}

/// <summary>
/// Row counts and checksums of every table of a database. Exact: every column, so a database left
/// "as before" must match to the byte. Content: without surrogate ids, timestamps and row versions,
/// with household and period references by their codes, so that an import re-run after a crash can
/// be compared with the same import into an untouched copy (PostgreSQL does not give back the ids
/// a rolled-back transaction drew from a sequence).
/// </summary>
public static class DatabaseState
{
    public static async Task<List<TableState>> ReadAsync(DatabaseProvider provider, string connectionString, bool exact)
    {
        await using var db = DbContextSetup.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var pg = provider == DatabaseProvider.Postgres;
        var tables = await ColumnAsync(connection, pg
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'");
        var states = new List<TableState>();
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            if (!exact && table.StartsWith("sqlite_", StringComparison.Ordinal)) continue;
            var columns = await ColumnNamesAsync(connection, table);
            var sql = $"SELECT t.* FROM \"{table}\" t";
            if (!exact && columns.Contains("HouseholdId"))
                sql = $"SELECT t.*, h.\"OrgUnitId\" AS \"_household_unit\", h.\"Code\" AS \"_household_code\" FROM \"{table}\" t LEFT JOIN households h ON h.\"Id\" = t.\"HouseholdId\"";
            if (!exact && columns.Contains("PeriodId"))
                sql = sql.Replace(" FROM ", ", p.\"Code\" AS \"_period\" FROM ", StringComparison.Ordinal) + " LEFT JOIN periods p ON p.\"Id\" = t.\"PeriodId\"";
            states.Add(await HashAsync(connection, table, sql, exact));
        }
        return states;
    }

    static bool Skipped(string column) =>
        column is "Id" or "HouseholdId" or "PeriodId" or "Version" or "xmin" || column.EndsWith("At", StringComparison.Ordinal);

    static async Task<TableState> HashAsync(DbConnection connection, string table, string sql, bool exact)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        var row = new StringBuilder();
        while (await reader.ReadAsync())
        {
            row.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                if (!exact && Skipped(name)) continue;
                row.Append(name).Append('=').Append(Text(reader.IsDBNull(i) ? null : reader.GetValue(i))).Append('\u001f');
            }
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)));
        return new TableState(table, rows.Count, Convert.ToHexString(hash)[..16]);
    }

    static string Text(object? value) => value switch
    {
        null => "\u2205",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    static async Task<HashSet<string>> ColumnNamesAsync(DbConnection connection, string table)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
        await using var reader = await cmd.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet(StringComparer.Ordinal);
    }
}
