using System.Reflection;
using Gnbv.Data.Imports;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

/// <summary>Brings a database to the current schema and loads the shipped program metadata.</summary>
public sealed class DatabaseInitializer(AppDbContext db, PackageImporter importer)
{
    /// <summary>Shipped metadata, in load order: each file may use what the ones before it define.</summary>
    public static readonly string[] SeedFiles =
    [
        "catalogue-2021-2025.json",
        "catalogue-2026-2035.json",
        "indicators-2021-2025.json",
        "validation-rules.json",
        "data-sets.json",
        "poverty-standards.json",
        "indicators-registry.json",
    ];

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // A fresh SQLite file needs its folder; WAL lets the web app read while an import writes.
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        foreach (var file in SeedFiles)
        {
            var bytes = ReadEmbedded("Gnbv.Data.Seed." + file);
            var package = ImportFileReader.ReadJson(bytes);
            await importer.ImportAsync(package,
                new ImportOptions(Source: "seed:" + file, Sha256: ImportFileReader.Sha256(bytes), SkipIfAlreadyImported: true), ct);
        }
    }

    public static byte[] ReadEmbedded(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
