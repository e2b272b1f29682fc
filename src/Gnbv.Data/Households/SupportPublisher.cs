using System.Globalization;
using Gnbv.Data.Database;
using Gnbv.Domain.Households;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>
/// Writes the support figures of communes and months into the indicator store (monthly periods, so
/// any half-year, quarter or year sums them), marked as computed from the registry: counts of
/// records per <see cref="SupportFigureMap"/>, amounts in million đồng, split by the household's
/// status in the census round before the support (the previous year's).
/// </summary>
public sealed class SupportPublisher(AppDbContext db, RegistryPublisher registry, RegistryValues values)
{
    public async Task<int> PublishAsync(IReadOnlyCollection<(int Commune, int Year, int Month)> months, CancellationToken ct = default)
    {
        if (months.Count == 0) return 0;
        var indicatorCodes = SupportFigureMap.All.SelectMany(f => new[] { f.CountIndicator, f.AmountIndicator }).OfType<string>().Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorCodes.Contains(i.Code)).Include(i => i.Disaggregations).ToListAsync(ct);
        var byCode = indicators.ToDictionary(i => i.Code);
        var disaggregations = await db.Disaggregations.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var written = 0;
        foreach (var commune in months.GroupBy(m => m.Commune))
        {
            var first = commune.Min(m => new DateOnly(m.Year, m.Month, 1));
            var last = commune.Max(m => new DateOnly(m.Year, m.Month, 1)).AddMonths(1).AddDays(-1);
            var records = await db.SupportRecords.AsNoTracking()
                .Where(r => r.Date >= first && r.Date <= last && db.Households.Any(h => h.Id == r.HouseholdId && h.OrgUnitId == commune.Key))
                .Select(r => new { r.HouseholdId, r.Kind, r.Amount, r.Date })
                .ToListAsync(ct);
            var householdIds = records.Select(r => r.HouseholdId).Distinct().ToList();
            var census = await db.CensusEntries.AsNoTracking().Where(c => householdIds.Contains(c.HouseholdId))
                .Select(c => new { c.HouseholdId, c.Year, c.Status }).ToListAsync(ct);
            var status = census.ToDictionary(c => (c.HouseholdId, c.Year), c => c.Status);
            var minority = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id) && h.EthnicMinority).Select(h => h.Id).ToListAsync(ct);

            var periodIds = new Dictionary<string, int>();
            foreach (var m in commune.Select(m => Month(m.Year, m.Month)).Distinct())
                periodIds[m] = await registry.EnsurePeriodAsync(Period.Parse(m), ct);
            var wanted = new Dictionary<(int Indicator, int Disaggregation, int Unit, int Period), decimal>();
            void Add(string indicator, string disaggregation, string period, decimal value)
            {
                if (!byCode.TryGetValue(indicator, out var ind) || !disaggregations.TryGetValue(disaggregation, out var dis)) return;
                if (disaggregation != "total" && ind.Disaggregations.All(d => d.DisaggregationId != dis)) return;
                var key = (ind.Id, dis, commune.Key, periodIds[period]);
                wanted[key] = wanted.GetValueOrDefault(key) + value;
            }
            foreach (var m in commune) // every touched month is rewritten, even to nothing
                foreach (var f in SupportFigureMap.All)
                    Add(f.CountIndicator, "total", Month(m.Year, m.Month), 0);
            foreach (var r in records)
            {
                var period = Month(r.Date.Year, r.Date.Month);
                // The date range spans the touched months; a month between them that was not touched keeps its figures.
                if (!periodIds.ContainsKey(period)) continue;
                HouseholdStatus? before = status.TryGetValue((r.HouseholdId, r.Date.Year - 1), out var s1) ? s1 : null;
                HouseholdStatus? twoBefore = status.TryGetValue((r.HouseholdId, r.Date.Year - 2), out var s2) ? s2 : null;
                foreach (var f in SupportFigureMap.All.Where(f => f.Kind == r.Kind))
                {
                    var counts = f.Audience switch
                    {
                        SupportAudience.PoorOnly => before == HouseholdStatus.Poor,
                        SupportAudience.NewlyEscapedOnly => twoBefore == HouseholdStatus.Poor && before is not null && before != HouseholdStatus.Poor,
                        _ => true,
                    };
                    if (!counts) continue;
                    Add(f.CountIndicator, "total", period, 1);
                    if (f.AmountIndicator is { } amount && r.Amount is { } a) Add(amount, "total", period, a / 1_000_000m);
                    if (f.ByStatus && before == HouseholdStatus.Poor) Add(f.CountIndicator, "poor", period, 1);
                    if (f.ByStatus && before == HouseholdStatus.NearPoor) Add(f.CountIndicator, "near-poor", period, 1);
                    if (f.ByStatus && minority.Contains(r.HouseholdId)) Add(f.CountIndicator, "ethnic-minority", period, 1);
                }
            }

            var indicatorIds = indicators.Select(i => i.Id).ToList();
            var ids = periodIds.Values.ToList();
            var existing = await db.DataValues.AsNoTracking()
                .Where(v => v.OrgUnitId == commune.Key && ids.Contains(v.PeriodId) && indicatorIds.Contains(v.IndicatorId))
                .ToListAsync(ct);
            var changes = await values.SyncAsync(existing, wanted.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)), "Từ sổ hộ: hỗ trợ đã nhận", ct);
            written += changes.Inserted + changes.Updated;
        }
        return written;
    }

    static string Month(int year, int month) => $"{year.ToString(CultureInfo.InvariantCulture)}{month.ToString("00", CultureInfo.InvariantCulture)}";
}
