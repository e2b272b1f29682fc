using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts targets by (indicator, disaggregation, unit, year).</summary>
internal static class TargetImport
{
    public const string Section = "targets";

    public static async Task ApplyAsync(ImportContext ctx, List<TargetRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var existing = await ctx.Db.Targets.ToListAsync(ct);
        var seen = new Dictionary<(int, int, int, int), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var indicator = await ctx.IndicatorAsync("dataElement", row.DataElement, ct);
            var disaggregation = await ctx.DisaggregationAsync("disaggregation", row.Disaggregation, indicator, ct);
            var unit = await ctx.UnitAsync("orgUnit", row.OrgUnit, ct);
            var year = ctx.Year("year", row.Year, required: true);
            var value = ctx.Value("value", row.Value, indicator);
            if (indicator is null || disaggregation is null || unit is null || year is null || value is null) continue;
            if (ctx.Duplicate(seen, (indicator.Id, disaggregation.Id, unit.Id, year.Value), "dataElement")) continue;
            var t = existing.FirstOrDefault(x => x.IndicatorId == indicator.Id && x.DisaggregationId == disaggregation.Id && x.OrgUnitId == unit.Id && x.Year == year);
            if (t is null)
            {
                t = new Target { IndicatorId = indicator.Id, DisaggregationId = disaggregation.Id, OrgUnitId = unit.Id, Year = year.Value };
                ctx.Db.Targets.Add(t);
                existing.Add(t);
                counts.Created++;
            }
            else if (t.Value == value && t.Comment == row.Comment) counts.Unchanged++;
            else counts.Updated++;
            t.Value = value.Value;
            t.Comment = row.Comment;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
