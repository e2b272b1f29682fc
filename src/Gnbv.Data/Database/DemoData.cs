using System.Reflection;
using Gnbv.Data.Imports;

namespace Gnbv.Data.Database;

/// <summary>
/// The demo dataset (Bảo Lâm, Cao Bằng, 2023S1, transcribed from the district's 6-month report),
/// loaded through the same import path as a user's file.
/// </summary>
public static class DemoData
{
    public static readonly string[] Files = ["units-cao-bang.json", "bao-lam-2023S1.json"];

    public static async Task<IReadOnlyList<(string File, ImportResult Result)>> LoadAsync(AppDbContext db, bool skipIfLoaded, CancellationToken ct = default)
    {
        var results = new List<(string, ImportResult)>();
        foreach (var file in Files)
        {
            var bytes = Read(file);
            var package = ImportFileReader.ReadJson(bytes);
            var result = await new PackageImporter(db).ImportAsync(package,
                new ImportOptions(Source: "demo:" + file, Sha256: ImportFileReader.Sha256(bytes), SkipIfAlreadyImported: skipIfLoaded), ct);
            results.Add((file, result));
        }
        return results;
    }

    public static byte[] Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gnbv.Data.Demo." + file)
            ?? throw new InvalidOperationException($"embedded demo file {file} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
