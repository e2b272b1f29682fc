using System.IO.Compression;
using System.Security.Cryptography;
using Gnbv.Data.Backup;

namespace Gnbv.IntegrationTests.Backup;

/// <summary>Damages a backup the ways a disk, a transfer or a person can.</summary>
public static class ArchiveSurgery
{
    /// <summary>
    /// A copy of the archive with one table's file changed; with <paramref name="fixManifest"/> the
    /// manifest is brought in line (count and checksum), as someone editing the file on purpose would.
    /// </summary>
    public static string EditTable(string archive, string table, Func<List<string>, List<string>> edit, bool fixManifest)
    {
        var copy = archive + $".{Guid.NewGuid():N}.zip";
        using var source = ZipFile.OpenRead(archive);
        BackupManifest manifest;
        using (var stream = source.GetEntry(BackupManifest.EntryName)!.Open())
            manifest = BackupManifest.Parse(stream);
        var entry = manifest.Tables.Single(t => t.Name == table);
        using var target = ZipFile.Open(copy, ZipArchiveMode.Create);
        foreach (var file in source.Entries.Where(e => e.FullName != BackupManifest.EntryName))
        {
            using var input = file.Open();
            using var reader = new StreamReader(input);
            var text = reader.ReadToEnd();
            if (file.FullName == entry.File)
            {
                var lines = edit(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
                text = string.Concat(lines.Select(l => l + "\n"));
                if (fixManifest)
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                    manifest = manifest with
                    {
                        Tables = [.. manifest.Tables.Select(t => t.Name == table
                            ? t with { Rows = lines.Count, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) } : t)],
                    };
                }
            }
            using var output = new StreamWriter(target.CreateEntry(file.FullName).Open(), new System.Text.UTF8Encoding(false));
            output.Write(text);
        }
        using (var output = target.CreateEntry(BackupManifest.EntryName).Open())
            output.Write(manifest.ToJson());
        return copy;
    }

    /// <summary>The first half of the file, as an interrupted copy leaves it.</summary>
    public static string Truncate(string archive)
    {
        var copy = archive + ".truncated.zip";
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(copy, bytes[..(bytes.Length / 2)]);
        return copy;
    }

    /// <summary>A ZIP that is not a backup: an XLSX, say, picked by mistake.</summary>
    public static string Foreign()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-foreign-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
        writer.Write("<Types/>");
        return path;
    }
}
