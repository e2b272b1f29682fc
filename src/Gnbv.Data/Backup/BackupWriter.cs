using System.Data;
using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gnbv.Data.Backup;

/// <summary>
/// Writes every table of the model into a ZIP archive, one JSON-lines file per table (one row a
/// line, values in the manifest's column order), read in one consistent snapshot and streamed row
/// by row, so a registry of millions of households never sits in memory. The archive is written
/// beside the target and renamed into place only when complete.
/// </summary>
public sealed class BackupWriter(DbContext db, TimeProvider clock)
{
    public async Task<BackupManifest> WriteAsync(string path, CancellationToken ct = default)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0)
            throw new BackupException("CSDL chưa có lược đồ GNBV: không có gì để sao lưu (the database has no GNBV schema)");
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new BackupException("CSDL chưa ở phiên bản lược đồ của bản gnbv này: chạy gnbv db migrate trước (the database's schema is behind this build)");

        var tables = BackupSchema.Tables(db);
        var partial = path + ".partial";
        var entries = new List<BackupTableEntry>();
        BackupManifest manifest;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await BeginSnapshotAsync(connection, ct);
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                foreach (var table in tables)
                    entries.Add(await WriteTableAsync(zip, connection, transaction, table, ct));
                manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, applied[^1],
                    db.Database.ProviderName ?? "", clock.GetUtcNow().UtcDateTime, entries);
                await using var stream = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(ct);
                await stream.WriteAsync(manifest.ToJson(), ct);
            }
            await transaction.CommitAsync(ct);
            File.Move(partial, path, overwrite: true);
            return manifest;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>PostgreSQL: a read-only repeatable-read snapshot; SQLite: one read transaction sees one state of the file.</summary>
    private async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return await connection.BeginTransactionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET TRANSACTION READ ONLY";
        await command.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    private async Task<BackupTableEntry> WriteTableAsync(ZipArchive zip, DbConnection connection, DbTransaction transaction,
        BackupTable table, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))} " +
            $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"ORDER BY {string.Join(", ", table.Key.Select(c => sql.DelimitIdentifier(c.Name)))}";

        long rows = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var entry = await zip.CreateEntry(table.FileName, CompressionLevel.Fastest).OpenAsync(ct))
        {
            var buffer = new MemoryStream();
            await using var json = new Utf8JsonWriter(buffer);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                json.WriteStartArray();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    try
                    {
                        ColumnValues.Write(json, ColumnValues.Read(reader, i, column), column);
                    }
                    catch (Exception e) when (e is InvalidCastException or FormatException or NotSupportedException)
                    {
                        throw new BackupException($"bảng {table.Name}, dòng {rows + 1}, cột {column.Name}: không đọc được giá trị (value cannot be read): {e.Message}", e);
                    }
                }
                json.WriteEndArray();
                await json.FlushAsync(ct);
                buffer.WriteByte((byte)'\n');
                hash.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
                await entry.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
                buffer.SetLength(0);
                json.Reset(buffer);
                rows++;
            }
        }
        return new BackupTableEntry(table.Name, table.FileName, rows, Convert.ToHexStringLower(hash.GetHashAndReset()),
            table.Columns.Select(c => c.Name).ToList(), table.Columns.Select(c => c.TypeName).ToList());
    }
}
