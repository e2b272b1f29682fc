using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Gnbv.Data.Backup;

/// <summary>
/// The provider-specific half of a restore, inside the caller's transaction: PostgreSQL is filled
/// by binary COPY and its identity sequences reset; SQLite by one prepared insert per table (its
/// AUTOINCREMENT counters follow the inserted ids by themselves).
/// </summary>
internal sealed class TableWriter(DbContext db, DbConnection connection, DbTransaction transaction)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly bool _postgres = db.Database.IsNpgsql();

    private string Name(BackupTable table) => _sql.DelimitIdentifier(table.Name, table.Schema);

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public async Task<BackupTable?> FirstTableWithRowsAsync(IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            await using var command = Command($"SELECT 1 FROM {Name(table)} LIMIT 1");
            if (await command.ExecuteScalarAsync(ct) is not null) return table;
        }
        return null;
    }

    public async Task EmptyAsync(IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        if (_postgres)
        {
            await using var truncate = Command("TRUNCATE " + string.Join(", ", tables.Select(Name)));
            await truncate.ExecuteNonQueryAsync(ct);
            return;
        }
        await using (var defer = Command("PRAGMA defer_foreign_keys = ON"))
            await defer.ExecuteNonQueryAsync(ct);
        foreach (var table in tables.Reverse())
        {
            await using var delete = Command($"DELETE FROM {Name(table)}");
            await delete.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task InsertAsync(BackupTable table, IReadOnlyList<BackupColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Name)));
        if (_postgres)
        {
            var types = columns.Select(c => PostgresTypeName(c.StoreType)).ToArray();
            await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY {Name(table)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
            await foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                for (var i = 0; i < row.Length; i++)
                {
                    if (ColumnValues.ToProvider(row[i], columns[i]) is { } value) await copy.WriteAsync(value, types[i], ct);
                    else await copy.WriteNullAsync(ct);
                }
            }
            await copy.CompleteAsync(ct);
            return;
        }
        await using var insert = Command($"INSERT INTO {Name(table)} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})");
        await foreach (var row in rows)
        {
            insert.Parameters.Clear();
            for (var i = 0; i < row.Length; i++)
                insert.Parameters.Add(columns[i].Mapping.CreateParameter(insert, "@p" + i, row[i], columns[i].IsNullable));
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Sets the self-references held back at insert: each patch is the key values, then the self-reference values.</summary>
    public async Task PatchAsync(BackupTable table, List<object?[]> patches, CancellationToken ct)
    {
        if (patches.Count == 0) return;
        var set = string.Join(", ", table.SelfReferences.Select((c, i) => $"{_sql.DelimitIdentifier(c.Name)} = @s{i}"));
        var where = string.Join(" AND ", table.Key.Select((c, i) => $"{_sql.DelimitIdentifier(c.Name)} = @k{i}"));
        await using var update = Command($"UPDATE {Name(table)} SET {set} WHERE {where}");
        foreach (var patch in patches)
        {
            update.Parameters.Clear();
            for (var i = 0; i < table.Key.Count; i++)
                update.Parameters.Add(table.Key[i].Mapping.CreateParameter(update, "@k" + i, patch[i], false));
            for (var i = 0; i < table.SelfReferences.Count; i++)
                update.Parameters.Add(table.SelfReferences[i].Mapping.CreateParameter(update, "@s" + i, patch[table.Key.Count + i], true));
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>PostgreSQL identity columns keep their own counter: move it past the restored ids so the next insert does not collide.</summary>
    public async Task ResetSequencesAsync(IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        if (!_postgres) return;
        foreach (var table in tables)
            foreach (var column in table.Columns.Where(c => c.ProviderType == typeof(int) || c.ProviderType == typeof(long) || c.ProviderType == typeof(short)))
            {
                await using var find = Command("SELECT pg_get_serial_sequence(@table, @column)");
                find.Parameters.Add(new NpgsqlParameter("table", Name(table)));
                find.Parameters.Add(new NpgsqlParameter("column", column.Name));
                if (await find.ExecuteScalarAsync(ct) is not string sequence) continue;
                var name = _sql.DelimitIdentifier(column.Name);
                await using var set = Command($"SELECT setval(CAST(@sequence AS regclass), COALESCE((SELECT MAX({name}) FROM {Name(table)}), 0) + 1, false)");
                set.Parameters.Add(new NpgsqlParameter("sequence", sequence));
                await set.ExecuteScalarAsync(ct);
            }
    }

    /// <summary>COPY wants the type without its modifiers: character varying(200) is written as character varying.</summary>
    private static string PostgresTypeName(string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? storeType : storeType[..paren].TrimEnd() + storeType[(storeType.IndexOf(')', StringComparison.Ordinal) + 1)..];
    }
}
