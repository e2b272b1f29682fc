using System.Text;
using Gnbv.Data;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Domain.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.TestData.Households;

/// <summary>
/// Loads a synthetic registry the way `gnbv-tools demo households` does: the generator writes each round
/// as a commune list and the ordinary importer reads it, so tests and demos exercise the real path.
/// </summary>
public static class DemoHouseholds
{
    public static async Task<List<HouseholdImportResult>> LoadAsync(AppDbContext db, string unit = "042", int count = 60, int seed = 1,
        int[]? years = null, IProgress<HouseholdImportProgress>? progress = null, CancellationToken ct = default)
    {
        years ??= [2022, 2023];
        await using var services = CoreServices.Over(db);
        var results = new List<HouseholdImportResult>();
        foreach (var year in years.Order())
        {
            var root = await services.GetRequiredService<UnitResolver>().ResolveAsync(unit, Period.Year(year), ct);
            var communes = await services.GetRequiredService<RegistryUnits>().CommunesUnderAsync(root, new DateOnly(year, 12, 31), ct);
            // A temporary file, not memory: a benchmark-sized round is hundreds of megabytes.
            await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                HouseholdGenerator.Write(writer, communes, count, seed, year, years.Min());
            buffer.Position = 0;
            results.Add(await services.GetRequiredService<HouseholdImporter>().ImportAsync(buffer, $"demo-households-{year}.csv",
                new HouseholdImportOptions(Actor.System, Synthetic: true, Source: $"demo-households-{year}.csv"), progress, ct));
            db.ChangeTracker.Clear();
        }
        return results;
    }
}
