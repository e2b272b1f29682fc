using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Values;

public sealed record RolledUpValue(int IndicatorId, int DisaggregationId, decimal Value, string? Comment);

/// <summary>
/// Values of a unit and period computed from the stored ones: sum-type indicators add up the unit's
/// subtree (and merged predecessors) over every stored period inside the requested one; average-type
/// average them; "none" keeps only the unit's own value for exactly that period. Figures computed
/// from the household registry replace hand-typed ones of the same indicator at and above their unit.
/// </summary>
public sealed class ValueRollup(AppDbContext db, UnitTree tree)
{
    public async Task<IReadOnlyList<RolledUpValue>> ComputeAsync(OrgUnit unit, Period period, CancellationToken ct = default)
    {
        var unitIds = await tree.RollupUnitIdsAsync(unit, ct);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.StartDate >= period.Start && p.EndDate <= period.End)
            .Select(p => new { p.Id, p.Code })
            .ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var exactPeriod = periods.FirstOrDefault(p => p.Code == period.Id)?.Id;
        var aggregation = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Aggregation, ct);

        var result = new List<RolledUpValue>();
        var query = db.DataValues.AsNoTracking().Where(v => unitIds.Contains(v.OrgUnitId) && periodIds.Contains(v.PeriodId));
        if (!db.Database.IsSqlite())
        {
            // One pass in the database sums and averages every adding indicator, split by where the
            // figures come from; only an indicator mixing registry figures with typed ones in the
            // subtree needs its rows here, unit by unit (SQLite cannot aggregate decimals, so there
            // every row comes to the client, as below).
            var own = aggregation.Where(a => a.Value == AggregationType.None).Select(a => a.Key).ToList();
            var sums = await query.Where(v => !own.Contains(v.IndicatorId))
                .GroupBy(v => new { v.IndicatorId, v.DisaggregationId, v.FromRegistry })
                .Select(g => new { g.Key.IndicatorId, g.Key.DisaggregationId, g.Key.FromRegistry, Sum = g.Sum(v => v.Value), Average = g.Average(v => v.Value), Count = g.Count(), Comment = g.Max(v => v.Comment) })
                .ToListAsync(ct);
            var mixed = sums.GroupBy(g => g.IndicatorId).Where(g => g.Select(x => x.FromRegistry).Distinct().Count() > 1).Select(g => g.Key).ToList();
            foreach (var g in sums.Where(g => !mixed.Contains(g.IndicatorId)))
                result.Add(new RolledUpValue(g.IndicatorId, g.DisaggregationId,
                    Decimals.Normalize(aggregation[g.IndicatorId] == AggregationType.Sum ? g.Sum : g.Average), g.Count == 1 ? g.Comment : null));
            // Indicators that do not add up keep only the unit's own value for the period itself.
            var ownQuery = db.DataValues.AsNoTracking().Where(v => own.Contains(v.IndicatorId) && v.OrgUnitId == unit.Id && v.PeriodId == exactPeriod);
            query = mixed.Count == 0 ? ownQuery : ownQuery.Concat(query.Where(v => mixed.Contains(v.IndicatorId)));
        }
        var rows = await query
            .Select(v => new { v.IndicatorId, v.DisaggregationId, v.OrgUnitId, v.PeriodId, v.Value, v.Comment, v.FromRegistry })
            .ToListAsync(ct);
        if (rows.Any(r => r.FromRegistry))
        {
            // Registry figures replace hand-typed ones of the same indicator at the unit holding the
            // registry and at every unit above it, whatever period inside the requested one they were
            // typed for (a district's half-year total typed by hand would double count the communes' months).
            var paths = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
            var covered = new HashSet<(int, int, string)>();
            foreach (var r in rows.Where(r => r.FromRegistry))
            {
                var path = paths[r.OrgUnitId];
                for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
                    covered.Add((r.IndicatorId, r.DisaggregationId, path[..(i + 1)]));
            }
            rows = rows.Where(r => r.FromRegistry || !covered.Contains((r.IndicatorId, r.DisaggregationId, paths[r.OrgUnitId]))).ToList();
        }

        foreach (var g in rows.GroupBy(r => (r.IndicatorId, r.DisaggregationId)))
        {
            var type = aggregation[g.Key.IndicatorId];
            var comment = g.Count() == 1 ? g.First().Comment : null;
            switch (type)
            {
                case AggregationType.Sum:
                    result.Add(new RolledUpValue(g.Key.IndicatorId, g.Key.DisaggregationId, Decimals.Normalize(g.Sum(r => r.Value)), comment));
                    break;
                case AggregationType.Average:
                    result.Add(new RolledUpValue(g.Key.IndicatorId, g.Key.DisaggregationId, Decimals.Normalize(g.Average(r => r.Value)), comment));
                    break;
                default:
                    var own = g.FirstOrDefault(r => r.OrgUnitId == unit.Id && r.PeriodId == exactPeriod);
                    if (own is not null) result.Add(new RolledUpValue(g.Key.IndicatorId, g.Key.DisaggregationId, Decimals.Normalize(own.Value), own.Comment));
                    break;
            }
        }
        return result;
    }
}
