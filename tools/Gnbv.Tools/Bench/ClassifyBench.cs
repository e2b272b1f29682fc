using System.Diagnostics;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Tools.Bench;

public sealed record ClassifyMeasure(long Households, double HouseholdsPerSecond, double ParseHouseholdsPerSecond, double PoorShare);

/// <summary>
/// The poverty classifier alone over the households of the generated list (their area, income or
/// score A and deprivations as the import parsed them), repeated for at least two seconds; and the
/// whole parse (read CSV, check, classify) for comparison.
/// </summary>
public static class ClassifyBench
{
    public static async Task<ClassifyMeasure> RunAsync(AppDbContext db, string file, int maxHouseholds, CancellationToken ct)
    {
        var units = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RegistryUnits>(Gnbv.Data.CoreServices.Over(db)).ByCodeAsync(ct);
        var standards = await db.PovertyStandards.AsNoTracking().ToListAsync(ct);
        var parser = new HouseholdRowParser(units, standards, Actor.System, null, Gnbv.Domain.Time.VietnamClock.VietnamYear(TimeProvider.System));
        var inputs = new List<(PovertyStandard Standard, Area Area, long? Income, int? ScoreA, string[] Deprived)>();
        var clock = Stopwatch.StartNew();
        await using (var stream = File.OpenRead(file))
            foreach (var group in HouseholdRowParser.Groups(HouseholdFileReader.Read(stream, file, ["household_code", "commune", "name"])))
            {
                if (parser.Parse(group) is { Standard: { } s } h)
                    inputs.Add((s, h.Area, h.Income, h.ScoreA, s.Indicators.Where(i => i.IsSetIn(h.DeprivedMask)).Select(i => i.Code).ToArray()));
                if (inputs.Count >= maxHouseholds) break;
            }
        var parseRate = inputs.Count / clock.Elapsed.TotalSeconds;
        if (parser.ErrorCount > 0) throw new InvalidOperationException($"tệp hộ có {parser.ErrorCount} lỗi: {parser.Errors[0]}");

        var poor = 0L;
        var rounds = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < 2 || rounds == 0)
        {
            foreach (var (standard, area, income, scoreA, deprived) in inputs)
                if (PovertyClassifier.Classify(standard, area, income, scoreA, deprived).Status == HouseholdStatus.Poor) poor++;
            rounds++;
        }
        var rate = (double)inputs.Count * rounds / clock.Elapsed.TotalSeconds;
        return new ClassifyMeasure(inputs.Count, rate, parseRate, (double)poor / Math.Max(1, (long)inputs.Count * rounds));
    }
}
