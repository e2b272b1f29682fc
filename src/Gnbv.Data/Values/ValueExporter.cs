using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.Domain.Works;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Values;

/// <summary>Builds the figures of a unit and period: indicator values, targets, capital by program item, works.</summary>
public sealed class ValueExporter(AppDbContext db, UnitTree tree, ValueRollup rollup)
{
    public async Task<ValueExport> ExportAsync(OrgUnit unit, Period period, CancellationToken ct = default)
    {
        // With their disaggregations: the order of an indicator's parts (poor before near-poor) comes from them;
        // without, every part sorted equal and came out in the database's row order, which changes with updates.
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.ProgramItem).Include(i => i.Disaggregations).ToDictionaryAsync(i => i.Id, ct);
        var disaggregations = await db.Disaggregations.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var items = await db.ProgramItems.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        var sources = await db.FundingSources.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var unitIds = await tree.RollupUnitIdsAsync(unit, ct);

        var values = (await rollup.ComputeAsync(unit, period, ct))
            .Select(v => (v, i: indicators[v.IndicatorId], d: disaggregations[v.DisaggregationId]))
            .OrderBy(x => x.i.SortOrder).ThenBy(x => x.i.Code, StringComparer.Ordinal)
            .ThenBy(x => x.i.Disaggregations.FirstOrDefault(l => l.DisaggregationId == x.d.Id)?.SortOrder ?? 0)
            .ThenBy(x => x.d.Code, StringComparer.Ordinal)
            .Select(x => new ExportValue(x.i.Code, x.i.Name, x.d.Code, x.d.Name, x.v.Value, x.i.UnitOfMeasure,
                Display(x.v.Value, x.i), x.i.ProgramItem?.Code, x.v.Comment))
            .ToList();

        var firstYear = period.Start.Year;
        var lastYear = period.End.Year;
        var targets = (await db.Targets.AsNoTracking()
                .Where(t => unitIds.Contains(t.OrgUnitId) && t.Year >= firstYear && t.Year <= lastYear)
                .ToListAsync(ct))
            .GroupBy(t => (t.IndicatorId, t.DisaggregationId, t.Year))
            .Select(g =>
            {
                var i = indicators[g.Key.IndicatorId];
                decimal? value = i.Aggregation == AggregationType.Sum ? g.Sum(t => t.Value) : g.FirstOrDefault(t => t.OrgUnitId == unit.Id)?.Value;
                return value is null ? null : new ExportTarget(i.Code, i.Name, disaggregations[g.Key.DisaggregationId].Code, g.Key.Year, Decimals.Normalize(value.Value), i.UnitOfMeasure, Display(value.Value, i));
            })
            .OfType<ExportTarget>()
            .OrderBy(t => t.DataElement, StringComparer.Ordinal)
            .ToList();

        var allocations = await db.CapitalAllocations.AsNoTracking().Include(a => a.Decision)
            .Where(a => unitIds.Contains(a.OrgUnitId) && a.Year >= firstYear && a.Year <= lastYear)
            .ToListAsync(ct);
        var disbursements = await db.Disbursements.AsNoTracking()
            .Where(d => unitIds.Contains(d.OrgUnitId) && d.Period!.StartDate >= period.Start && d.Period.EndDate <= period.End)
            .ToListAsync(ct);
        var capital = allocations.Select(a => a.ProgramItemId).Union(disbursements.Select(d => d.ProgramItemId))
            .Select(id => items[id])
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(item =>
            {
                var lines = allocations.Where(a => a.ProgramItemId == item.Id).ToList();
                var inYear = lines.Where(a => a.CarriedOverFromYear is null).Sum(a => a.AmountDong);
                var carried = lines.Where(a => a.CarriedOverFromYear is not null).Sum(a => a.AmountDong);
                var paid = disbursements.Where(d => d.ProgramItemId == item.Id).ToList();
                var total = inYear + carried;
                var disbursed = paid.Sum(d => d.AmountDong);
                decimal? rate = total > 0 ? Math.Round(disbursed * 100m / total, 2) : null;
                var display = $"{VnFormat.Millions(total)} triệu đồng = {VnFormat.Millions(inYear)} giao trong năm + {VnFormat.Millions(carried)} chuyển nguồn";
                return new ExportCapital(item.Code, item.Name, inYear, carried, total, disbursed, rate, display,
                    lines.OrderBy(a => a.CarriedOverFromYear ?? 0).ThenBy(a => sources[a.FundingSourceId].SortOrder)
                        .Select(a => new ExportCapitalLine(sources[a.FundingSourceId].Code, a.Year, a.CarriedOverFromYear, a.AmountDong, a.Decision?.Number))
                        .ToList(),
                    paid.GroupBy(d => sources[d.FundingSourceId].Code).ToDictionary(g => g.Key, g => g.Sum(d => d.AmountDong)));
            })
            .ToList();

        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var works = (await db.Works.AsNoTracking().Where(w => unitIds.Contains(w.OrgUnitId)).ToListAsync(ct))
            .Where(w => (w.StartYear ?? firstYear) <= lastYear && (w.EndYear ?? lastYear) >= firstYear)
            .OrderBy(w => w.Code, StringComparer.Ordinal)
            .Select(w => new ExportWork(w.Code, w.Name, w.Kind, units[w.OrgUnitId], w.Location, items[w.ProgramItemId].Code, w.IsNew,
                WorkStatuses.Code(w.Status), w.BudgetDong, w.DisbursedDong))
            .ToList();

        return new ValueExport(
            new ExportUnit(unit.Code, unit.Name, UnitKinds.Code(unit.Kind)),
            new ExportPeriod(period.Id, period.Start, period.End),
            values, targets, capital, works);
    }

    private static string Display(decimal value, Indicator indicator) => indicator.ValueType switch
    {
        IndicatorValueType.Percent => VnFormat.Percent(value),
        _ => VnFormat.Number(value, 3) + " " + indicator.UnitOfMeasure,
    };
}
