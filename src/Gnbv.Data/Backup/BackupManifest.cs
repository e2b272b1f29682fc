using System.Text.Json;

namespace Gnbv.Data.Backup;

/// <summary>
/// The table of contents of a backup archive (manifest.json): which schema it was taken at and, per
/// table, its columns, row count and SHA-256, so a restore can refuse a foreign, truncated or
/// altered file before writing anything.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Migration,
    string Provider,
    DateTime CreatedAtUtc,
    IReadOnlyList<BackupTableEntry> Tables)
{
    public const string FormatName = "gnbv-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public long TotalRows => Tables.Sum(t => t.Rows);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Parse(Stream stream)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(stream, Json)
                ?? throw new BackupException("manifest.json trống (the backup's manifest is empty)");
        }
        catch (JsonException e)
        {
            throw new BackupException($"manifest.json không đọc được (the backup's manifest is not valid JSON): {e.Message}");
        }
    }

    /// <summary>A migration id without its timestamp: the two providers' migrations carry the same names, generated together.</summary>
    public static string MigrationName(string migrationId)
    {
        var underscore = migrationId.IndexOf('_', StringComparison.Ordinal);
        return underscore < 0 ? migrationId : migrationId[(underscore + 1)..];
    }
}

/// <param name="Columns">Column names in the order each row lists its values.</param>
/// <param name="Types">The CLR type each column's values were written as, by column name.</param>
public sealed record BackupTableEntry(
    string Name,
    string File,
    long Rows,
    string Sha256,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Types);

/// <summary>A backup that cannot be made or restored, with what and why (the CLI prints the message).</summary>
public sealed class BackupException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
