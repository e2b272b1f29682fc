using Gnbv.Data.Concurrency;
using Gnbv.Data.Values;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>
/// Upserts data values by (indicator, disaggregation, unit, period), DHIS2 style: an empty value
/// deletes the stored one. Unchanged values are left alone so the change log only holds real changes.
/// </summary>
internal static class DataValueImport
{
    public const string Section = "dataValues";

    public static async Task ApplyAsync(ImportContext ctx, List<DataValueRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var resolved = new List<(DataValueRow Row, Indicator Indicator, Disaggregation Disaggregation, int UnitId, PeriodRow Period, decimal? Value)>();
        var seen = new Dictionary<(int, int, int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var indicator = await ctx.IndicatorAsync("dataElement", row.DataElement, ct);
            var disaggregation = await ctx.DisaggregationAsync("disaggregation", row.Disaggregation, indicator, ct);
            var unit = await ctx.UnitAsync("orgUnit", row.OrgUnit, ct);
            var period = await ctx.PeriodAsync("period", row.Period, ct);
            // An empty value deletes; a bad one is reported by ctx.Value and stops the import before any write.
            var value = string.IsNullOrWhiteSpace(row.Value) ? null : ctx.Value("value", row.Value, indicator);
            if (row.Comment is { Length: > 2000 }) ctx.Error("comment", "dài quá 2000 ký tự (comment too long)");
            if (row.Version is < 0) ctx.Error("version", $"phiên bản {row.Version} không hợp lệ, phải >= 0 (invalid version)");
            // One kind of period per indicator: a value of another kind would be summed beside the
            // indicator's own (202303 and 2023Q1 both into 2023S1). Deleting one stays possible.
            if (indicator is not null && period is not null && value is not null && period.Type != indicator.PeriodType)
                ctx.Error("period", $"chỉ tiêu {indicator.Code} nhập {PeriodTypes.VietnameseName(indicator.PeriodType)} (kỳ như {PeriodTypes.Example(indicator.PeriodType)}), "
                    + $"không nhập cho kỳ {period.Code} ({PeriodTypes.VietnameseName(period.Type)}): kỳ dài hơn được cộng từ các kỳ của chỉ tiêu (period type does not match the indicator's)");
            if (indicator is null || disaggregation is null || unit is null || period is null) continue;
            if (ctx.Duplicate(seen, (indicator.Id, disaggregation.Id, unit.Id, period.Code), "dataElement")) continue;
            resolved.Add((row, indicator, disaggregation, unit.Id, period, value));
        }
        if (ctx.Errors.Count > 0) return;
        // New periods (and what earlier sections added) get their ids first: the values refer to them.
        if (ctx.Db.ChangeTracker.HasChanges()) await ctx.Db.SaveChangesAsync(ct);

        // Approved data is locked: LockGuard refuses the save (409) whatever path the change comes by.
        // Only the stored values of the rows' indicators are loaded: a save from a form names a few
        // values, not the unit's whole period.
        var unitIds = resolved.Select(r => r.UnitId).Distinct().ToList();
        var periodIds = resolved.Select(r => r.Period.Id).Distinct().ToList();
        var indicatorIds = resolved.Select(r => r.Indicator.Id).Distinct().ToList();
        var existing = await ctx.Db.DataValues.AsNoTracking()
            .Where(v => unitIds.Contains(v.OrgUnitId) && periodIds.Contains(v.PeriodId) && indicatorIds.Contains(v.IndicatorId))
            .ToDictionaryAsync(v => (v.IndicatorId, v.DisaggregationId, v.OrgUnitId, v.PeriodId), ct);
        var conflicts = new List<EditConflict>();
        foreach (var r in resolved)
        {
            existing.TryGetValue((r.Indicator.Id, r.Disaggregation.Id, r.UnitId, r.Period.Id), out var stored);
            var key = $"{r.Indicator.Code} / {r.Disaggregation.Code} / {r.Row.OrgUnit?.Trim()} / {r.Period.Code}";
            ctx.ValueReads.Add(new ValueRead(key, r.Indicator.Id, r.Disaggregation.Id, r.UnitId, r.Period.Id, stored?.Version ?? 0));
            // A row based on an older version: someone saved in between. Writing the same value again is no overwrite.
            if (r.Row.Version is { } expected && expected != (stored?.Version ?? 0)
                && !(stored?.Value == r.Value && stored?.Comment == r.Row.Comment))
                conflicts.Add(ValueConflicts.Describe(key, expected, stored));
        }
        if (conflicts.Count > 0) throw new EditConflictException(conflicts);

        var now = ctx.Instant;
        var inserts = new List<DataValue>();
        var updates = new List<ValueUpdate>();
        var deletes = new List<DataValue>();
        foreach (var r in resolved)
        {
            var key = (r.Indicator.Id, r.Disaggregation.Id, r.UnitId, r.Period.Id);
            existing.TryGetValue(key, out var stored);
            if (r.Value is null)
            {
                if (stored is not null)
                {
                    deletes.Add(stored);
                    counts.Deleted++;
                }
                continue;
            }
            if (stored is null)
            {
                inserts.Add(new DataValue
                {
                    IndicatorId = r.Indicator.Id,
                    DisaggregationId = r.Disaggregation.Id,
                    OrgUnitId = r.UnitId,
                    PeriodId = r.Period.Id,
                    Value = r.Value.Value,
                    Comment = r.Row.Comment,
                    CreatedBy = ctx.Db.Actor,
                    CreatedAt = now,
                    UpdatedBy = ctx.Db.Actor,
                    UpdatedAt = now,
                });
                counts.Created++;
            }
            else if (stored.Value == r.Value && stored.Comment == r.Row.Comment)
            {
                counts.Unchanged++;
            }
            else
            {
                updates.Add(new ValueUpdate(stored, r.Value.Value, r.Row.Comment, stored.FromRegistry));
                counts.Updated++;
            }
        }
        await ctx.Writer.ApplyAsync(inserts, updates, deletes, ct);
    }
}
