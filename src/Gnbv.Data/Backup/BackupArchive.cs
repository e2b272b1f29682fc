using System.IO.Compression;
using System.Security.Cryptography;

namespace Gnbv.Data.Backup;

/// <summary>
/// A backup file opened for reading: its manifest, and every table file checked against it (row
/// count and SHA-256) before a restore writes anything, so a truncated, altered or foreign file is
/// refused with the table that does not match.
/// </summary>
public sealed class BackupArchive : IDisposable
{
    private readonly ZipArchive _zip;

    private BackupArchive(string path, ZipArchive zip, BackupManifest manifest)
    {
        Path = path;
        _zip = zip;
        Manifest = manifest;
    }

    public string Path { get; }
    public BackupManifest Manifest { get; }

    public static async Task<BackupArchive> OpenAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) throw new BackupException($"không thấy tệp sao lưu {path} (backup file not found)");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{path} không phải tệp sao lưu GNBV hoặc đã bị cắt cụt (not a ZIP archive, or truncated): {e.Message}", e);
        }
        try
        {
            var entry = zip.GetEntry(BackupManifest.EntryName)
                ?? throw new BackupException($"{path} không có manifest.json: không phải tệp sao lưu GNBV (not a GNBV backup)");
            BackupManifest manifest;
            await using (var stream = await entry.OpenAsync(ct))
                manifest = BackupManifest.Parse(stream);
            if (manifest.Format != BackupManifest.FormatName)
                throw new BackupException($"{path}: manifest.json không phải của tệp sao lưu GNBV (format '{manifest.Format}', expected '{BackupManifest.FormatName}')");
            if (manifest.FormatVersion != BackupManifest.CurrentVersion)
                throw new BackupException($"{path}: phiên bản định dạng {manifest.FormatVersion} không được hỗ trợ (backup format version not supported; this build reads {BackupManifest.CurrentVersion})");
            if (manifest.Tables is null || manifest.Tables.Count == 0)
                throw new BackupException($"{path}: manifest.json không liệt kê bảng nào (the manifest lists no tables)");
            return new BackupArchive(path, zip, manifest);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public Stream OpenTable(BackupTableEntry table)
    {
        var entry = _zip.GetEntry(table.File)
            ?? throw new BackupException($"bảng {table.Name}: thiếu tệp {table.File} trong tệp sao lưu (the table's file is missing from the archive)");
        return entry.Open();
    }

    /// <summary>Reads every table file through once: its SHA-256 and line count must be the manifest's.</summary>
    public async Task VerifyAsync(CancellationToken ct = default)
    {
        var buffer = new byte[1 << 16];
        foreach (var table in Manifest.Tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long lines = 0;
            try
            {
                await using var stream = OpenTable(table);
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                }
            }
            catch (InvalidDataException e)
            {
                throw new BackupException($"bảng {table.Name}: tệp {table.File} hỏng, không giải nén được (the table's file is corrupt): {e.Message}", e);
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(sha, table.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new BackupException($"bảng {table.Name}: tổng kiểm SHA-256 không khớp manifest, tệp sao lưu đã bị sửa hoặc hỏng (checksum mismatch: the file was altered or corrupted)");
            if (lines != table.Rows)
                throw new BackupException($"bảng {table.Name}: có {lines} dòng, manifest ghi {table.Rows} (row count does not match the manifest)");
        }
    }

    public void Dispose() => _zip.Dispose();
}
