using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gnbv.Data.Backup;

public sealed record RestoreResult(BackupManifest Manifest, long Rows);

/// <summary>
/// Restores a backup into a database of this build's schema. Everything is checked first (the
/// manifest's migration against this build's, its tables and columns against the model, every
/// checksum); then, in one transaction, the tables are emptied (only with force) and filled in
/// foreign-key order, self-references patched afterwards and PostgreSQL's identity sequences moved
/// past the restored ids. A failure anywhere rolls everything back.
/// </summary>
public sealed class BackupRestorer(DbContext db)
{
    public async Task<RestoreResult> RestoreAsync(string path, bool force, CancellationToken ct = default)
    {
        using var archive = await BackupArchive.OpenAsync(path, ct);
        var manifest = archive.Manifest;
        var latest = db.Database.GetMigrations().Last();
        if (BackupManifest.MigrationName(manifest.Migration) != BackupManifest.MigrationName(latest))
            throw new BackupException($"tệp sao lưu ở lược đồ {manifest.Migration}, bản gnbv này ở {latest}: khôi phục bằng bản gnbv cùng phiên bản (the backup's schema differs from this build's)");
        var tables = BackupSchema.Tables(db);
        var entries = Match(tables, manifest);
        await archive.VerifyAsync(ct);

        // An empty database is brought to the schema; the shipped metadata is not loaded: it is in the backup.
        await db.Database.MigrateAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var writer = new TableWriter(db, connection, transaction);
            if (await writer.FirstTableWithRowsAsync(tables, ct) is { } full && !force)
                throw new BackupException($"CSDL đích đã có dữ liệu (bảng {full.Name}): dùng --force để xóa và thay bằng bản sao lưu (the target database is not empty)");
            await writer.EmptyAsync(tables, ct);
            long rows = 0;
            foreach (var table in tables)
                rows += await RestoreTableAsync(archive, writer, table, entries[table.Name], ct);
            await writer.ResetSequencesAsync(tables, ct);
            await transaction.CommitAsync(ct);
            return new RestoreResult(manifest, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The manifest must list exactly the model's tables, each with the model's columns and types.</summary>
    private static Dictionary<string, BackupTableEntry> Match(IReadOnlyList<BackupTable> tables, BackupManifest manifest)
    {
        var entries = new Dictionary<string, BackupTableEntry>(StringComparer.Ordinal);
        foreach (var entry in manifest.Tables)
            if (!entries.TryAdd(entry.Name, entry))
                throw new BackupException($"bảng {entry.Name} có hai lần trong manifest (listed twice)");
        foreach (var extra in entries.Keys.Except(tables.Select(t => t.Name)))
            throw new BackupException($"bảng {extra} trong tệp sao lưu không có trong lược đồ của bản gnbv này (unknown table)");
        foreach (var table in tables)
        {
            if (!entries.TryGetValue(table.Name, out var entry))
                throw new BackupException($"bảng {table.Name} không có trong tệp sao lưu (the backup lacks this table)");
            if (entry.Columns.Count != entry.Types.Count)
                throw new BackupException($"bảng {table.Name}: manifest liệt kê {entry.Columns.Count} cột mà {entry.Types.Count} kiểu (columns and types differ in number)");
            var expected = table.Columns.Select(c => (c.Name, c.TypeName)).OrderBy(c => c.Name, StringComparer.Ordinal);
            var actual = entry.Columns.Zip(entry.Types).OrderBy(c => c.First, StringComparer.Ordinal);
            if (!expected.SequenceEqual(actual))
                throw new BackupException($"bảng {table.Name}: các cột trong tệp sao lưu ({string.Join(", ", entry.Columns)}) khác lược đồ ({string.Join(", ", table.Columns.Select(c => c.Name))}) (columns differ from the model)");
        }
        return entries;
    }

    private static async Task<long> RestoreTableAsync(BackupArchive archive, TableWriter writer, BackupTable table, BackupTableEntry entry, CancellationToken ct)
    {
        var columns = entry.Columns.Select(name => table.Columns.Single(c => c.Name == name)).ToList();
        var selfOrdinals = table.SelfReferences.Select(c => columns.IndexOf(c)).ToArray();
        var keyOrdinals = table.Key.Select(c => columns.IndexOf(c)).ToArray();
        var patches = new List<object?[]>();

        await using var stream = archive.OpenTable(entry);
        using var lines = new StreamReader(stream);
        long line = 0;
        async IAsyncEnumerable<object?[]> Rows()
        {
            while (await lines.ReadLineAsync(ct) is { } text)
            {
                line++;
                var values = Parse(text, table, columns, line);
                // A row may point at a row of its own table not yet inserted (a unit's successor): null now, set after.
                if (selfOrdinals.Any(i => values[i] is not null))
                {
                    patches.Add([.. keyOrdinals.Select(i => values[i]), .. selfOrdinals.Select(i => values[i])]);
                    foreach (var i in selfOrdinals) values[i] = null;
                }
                yield return values;
            }
        }

        try
        {
            await writer.InsertAsync(table, columns, Rows(), ct);
            await writer.PatchAsync(table, patches, ct);
        }
        catch (DbException e)
        {
            throw new BackupException($"bảng {table.Name}: CSDL từ chối dữ liệu khôi phục (the database refused the restored rows; nothing was written): {e.Message}", e);
        }
        return line;
    }

    private static object?[] Parse(string text, BackupTable table, List<BackupColumn> columns, long line)
    {
        try
        {
            using var row = JsonDocument.Parse(text);
            if (row.RootElement.ValueKind != JsonValueKind.Array || row.RootElement.GetArrayLength() != columns.Count)
                throw new BackupException($"bảng {table.Name}, dòng {line}: cần {columns.Count} giá trị (expected an array of {columns.Count} values)");
            var values = new object?[columns.Count];
            var i = 0;
            foreach (var element in row.RootElement.EnumerateArray())
            {
                try
                {
                    values[i] = ColumnValues.Parse(element, columns[i]);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
                {
                    throw new BackupException($"bảng {table.Name}, dòng {line}, cột {columns[i].Name}: giá trị không hợp lệ (invalid value): {e.Message}", e);
                }
                i++;
            }
            return values;
        }
        catch (JsonException e)
        {
            throw new BackupException($"bảng {table.Name}, dòng {line}: không phải JSON hợp lệ (not valid JSON): {e.Message}", e);
        }
    }
}
