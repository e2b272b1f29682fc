using System.Diagnostics;
using System.Text;
using Gnbv.Data;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.TestData.Households;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.TestData.National;

/// <summary>What one file of the national data set is and how long it took to write or import.</summary>
public sealed record NationalStep(string File, string Summary, TimeSpan Elapsed);

/// <summary>
/// Writes the synthetic national data set as files (units, one program package per province, the
/// household list), or loads it through the same importers a user's upload goes through.
/// </summary>
public static class NationalData
{
    public const string UnitsFile = "units.json";

    public static string ProgramFile(string province, int year) => $"program-{province}-{year}.json";

    public static string HouseholdsFile(int year) => $"households-{year}.csv";

    /// <summary>Writes every file into <paramref name="dir"/>.</summary>
    public static async Task<List<NationalStep>> WriteAsync(DirectoryInfo dir, int households, int seed, int year, CancellationToken ct = default)
    {
        dir.Create();
        var steps = new List<NationalStep>();
        var units = NationalGenerator.Units(seed);
        var clock = Stopwatch.StartNew();
        await File.WriteAllBytesAsync(Path.Combine(dir.FullName, UnitsFile), NationalGenerator.Serialize(NationalGenerator.UnitPackage(units)), ct);
        steps.Add(new(UnitsFile, $"{units.Count} đơn vị", clock.Elapsed));
        foreach (var province in Provinces(units))
        {
            clock.Restart();
            var package = NationalGenerator.ProgramPackage(units, province, year, seed);
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, ProgramFile(province, year)), NationalGenerator.Serialize(package), ct);
            steps.Add(new(ProgramFile(province, year), $"{package.RowCount} dòng", clock.Elapsed));
        }
        clock.Restart();
        var path = Path.Combine(dir.FullName, HouseholdsFile(year));
        var rows = WriteHouseholds(path, units, households, seed, year);
        steps.Add(new(HouseholdsFile(year), $"{households} hộ, {rows} dòng", clock.Elapsed));
        return steps;
    }

    /// <summary>The household list of the whole country, one row per member.</summary>
    public static long WriteHouseholds(string path, IReadOnlyList<NationalGenerator.Unit> units, int households, int seed, int year)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        return HouseholdGenerator.Write(writer, NationalGenerator.Communes(units), households, seed, year, year);
    }

    /// <summary>
    /// Writes the files into a scratch folder and imports them as a user's uploads would be: the
    /// units, each province's program package (each its own import), then the household list when
    /// <paramref name="households"/> is positive.
    /// </summary>
    public static async Task<List<NationalStep>> LoadAsync(AppDbContext db, int households, int seed, int year,
        Action<NationalStep>? progress = null, CancellationToken ct = default)
    {
        var dir = Directory.CreateTempSubdirectory("gnbv-national-");
        try
        {
            await WriteAsync(dir, households, seed, year, ct);
            var steps = await ImportPackagesAsync(db, dir, progress, ct);
            if (households <= 0) return steps;
            var clock = Stopwatch.StartNew();
            var file = Path.Combine(dir.FullName, HouseholdsFile(year));
            await using var stream = File.OpenRead(file);
            var imported = await CoreServices.Over(db).GetRequiredService<HouseholdImporter>().ImportAsync(stream, HouseholdsFile(year),
                new HouseholdImportOptions(Actor.System, Synthetic: true, Source: "national:" + HouseholdsFile(year)), null, ct);
            steps.Add(new(HouseholdsFile(year), imported.Summary(), clock.Elapsed));
            progress?.Invoke(steps[^1]);
            return steps;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Imports the units file, then every program package of the folder, each in its own transaction.</summary>
    public static async Task<List<NationalStep>> ImportPackagesAsync(AppDbContext db, DirectoryInfo dir, Action<NationalStep>? progress = null, CancellationToken ct = default)
    {
        var steps = new List<NationalStep>();
        var files = new[] { new FileInfo(Path.Combine(dir.FullName, UnitsFile)) }
            .Concat(dir.GetFiles("program-*.json").OrderBy(f => f.Name, StringComparer.Ordinal));
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            var result = await CoreServices.Over(db).GetRequiredService<PackageImporter>().ImportAsync(ImportFileReader.Read(bytes, file.Name),
                new ImportOptions(Source: "national:" + file.Name, Sha256: ImportFileReader.Sha256(bytes)), ct);
            db.ChangeTracker.Clear();
            steps.Add(new(file.Name, result.Summary(), clock.Elapsed));
            progress?.Invoke(steps[^1]);
        }
        return steps;
    }

    static IEnumerable<string> Provinces(IEnumerable<NationalGenerator.Unit> units) =>
        units.Where(u => u.Kind == Domain.Units.UnitKind.Province).Select(u => u.Code);
}
