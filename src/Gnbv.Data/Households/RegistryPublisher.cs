using Gnbv.Data.Database;
using Gnbv.Domain.Households;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>
/// Writes the registry's figures of a census year into the indicator store (period = the year),
/// marked as computed: counts at the communes that hold the households (they add up the tree like
/// any figure), rates at every unit from the commune up (a rate is not a sum). A figure typed by hand
/// for the same indicator, unit and year is replaced; the rollup also ignores hand-typed figures of
/// these indicators above a unit that has registry figures (see ValueRollup). Only changed values are
/// written, so republishing after one commune's import touches that commune and its ancestors.
/// </summary>
public sealed class RegistryPublisher(AppDbContext db, RegistryFigures figures, RegistryValues values)
{
    static readonly string[] AreaDisaggregations = ["total", "rural", "urban", "ethnic-minority"];

    public sealed record PublishResult(int Year, int Units, int Inserted, int Updated, int Deleted);

    public async Task<PublishResult> PublishAsync(int year, CancellationToken ct = default)
    {
        var byCommune = await figures.ByCommuneAsync(year, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Code.StartsWith("HN.") || i.Code.StartsWith("MT.")).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var disaggregations = await db.Disaggregations.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var standard = await db.PovertyStandards.AsNoTracking().FirstOrDefaultAsync(s => s.FromYear <= year && year <= s.ToYear, ct);

        var periodId = await EnsurePeriodAsync(Period.Year(year), ct);
        var wanted = new Dictionary<(int Indicator, int Disaggregation, int Unit, int Period), decimal>();
        void Put(string indicator, string disaggregation, int unit, decimal value)
        {
            if (indicators.TryGetValue(indicator, out var i) && disaggregations.TryGetValue(disaggregation, out var d)) wanted[(i, d, unit, periodId)] = value;
        }

        // Subtree sums for every ancestor of a commune with households.
        var paths = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Code, u.Path }).ToListAsync(ct);
        var idByCode = paths.ToDictionary(u => u.Code, u => u.Id);
        var pathById = paths.ToDictionary(u => u.Id, u => u.Path);
        var bySubtree = new Dictionary<int, RegistryCounts>();
        foreach (var (commune, counts) in byCommune)
        {
            foreach (var code in pathById[commune].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var unit = idByCode[code];
                if (!bySubtree.TryGetValue(unit, out var sum)) bySubtree[unit] = sum = new RegistryCounts();
                sum.Add(counts);
            }

            for (var d = 0; d < 4; d++)
            {
                var dis = AreaDisaggregations[d];
                Put("HN.SO_HO", dis, commune, counts.Total(d));
                Put("HN.HO_NGHEO", dis, commune, counts.ByStatus[(int)HouseholdStatus.Poor, d]);
                Put("HN.HO_CAN_NGHEO", dis, commune, counts.ByStatus[(int)HouseholdStatus.NearPoor, d]);
                Put("HN.HO_MUC_SONG_TB", dis, commune, counts.ByStatus[(int)HouseholdStatus.Average, d]);
            }
            Put("HN.HO_DU_KIEN_THOAT_NGHEO", "total", commune, counts.ExpectedEscape);
            if (standard is not null)
                foreach (var ind in standard.Indicators)
                    Put("HN.THIEU_HUT", ind.Code, commune, counts.Deprived[ind.Sort]);
            if (counts.HasPrevious)
            {
                Put("HN.HO_THOAT_NGHEO", "total", commune, counts.Escaped);
                Put("HN.HO_NGHEO_PHAT_SINH", "total", commune, counts.NewlyPoor);
                Put("HN.HO_TAI_NGHEO", "total", commune, counts.FellBack);
                Put("HN.HO_CAN_NGHEO_THANH_NGHEO", "total", commune, counts.NearPoorToPoor);
                Put("HN.HO_NGHEO_THANH_CAN_NGHEO", "total", commune, counts.PoorToNearPoor);
                Put("MT.HO_NGHEO_GIAM", "total", commune, counts.PoorBefore - counts.PoorAfter);
            }
        }
        foreach (var (unit, counts) in bySubtree)
        {
            for (var d = 0; d < 4; d++)
            {
                var total = counts.Total(d);
                if (total == 0) continue;
                Put("HN.TY_LE_HO_NGHEO", AreaDisaggregations[d], unit, RegistryCounts.Rate(counts.ByStatus[(int)HouseholdStatus.Poor, d], total));
                Put("HN.TY_LE_HO_CAN_NGHEO", AreaDisaggregations[d], unit, RegistryCounts.Rate(counts.ByStatus[(int)HouseholdStatus.NearPoor, d], total));
            }
            if (counts.HasPrevious && counts.TotalBefore > 0 && counts.Total(0) > 0)
                Put("MT.TY_LE_HO_NGHEO_GIAM", "total", unit,
                    RegistryCounts.Rate(counts.PoorBefore, counts.TotalBefore) - RegistryCounts.Rate(counts.PoorAfter, counts.Total(0)));
        }

        var registryIndicators = indicators.Values.ToHashSet();
        var existing = await db.DataValues.AsNoTracking()
            .Where(v => v.PeriodId == periodId && (v.FromRegistry || registryIndicators.Contains(v.IndicatorId)))
            .ToListAsync(ct);
        var changes = await values.SyncAsync(existing, wanted, $"Từ sổ hộ, rà soát năm {year}", ct);
        db.ChangeTracker.Clear();
        return new PublishResult(year, bySubtree.Count, changes.Inserted, changes.Updated, changes.Deleted);
    }

    /// <summary>
    /// After census entries of these years changed: their figures, and the next year's where it has a
    /// round (its transitions start from them).
    /// </summary>
    public async Task PublishChangedAsync(IEnumerable<int> years, CancellationToken ct = default)
    {
        var changed = years.ToHashSet();
        if (changed.Count == 0) return;
        // The figures sum every commune up to the nation: two saves publishing at once would each sum
        // without the other's households (or collide on the same district's figures). On PostgreSQL
        // one publisher at a time, until its transaction ends; each then sums what is committed.
        // SQLite admits one writing transaction at a time anyway.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(8009)", ct);
        foreach (var year in changed.ToList())
            if (!changed.Contains(year + 1) && await db.CensusEntries.AnyAsync(c => c.Year == year + 1, ct)) changed.Add(year + 1);
        foreach (var year in changed.Order()) await PublishAsync(year, ct);
    }

    internal async Task<int> EnsurePeriodAsync(Period period, CancellationToken ct)
    {
        var row = await db.Periods.FirstOrDefaultAsync(p => p.Code == period.Id, ct);
        if (row is null)
        {
            row = PeriodRow.From(period);
            db.Periods.Add(row);
            await db.SaveChangesAsync(ct);
        }
        return row.Id;
    }
}
