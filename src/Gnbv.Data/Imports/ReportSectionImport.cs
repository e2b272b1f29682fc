using Gnbv.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts report narrative sections by (unit, period, section).</summary>
internal static class ReportSectionImport
{
    public const string Section = "reportSections";

    public static async Task ApplyAsync(ImportContext ctx, List<ReportSectionRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var existing = await ctx.Db.ReportSections.ToListAsync(ct);
        var seen = new Dictionary<(int, string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var unit = await ctx.UnitAsync("orgUnit", row.OrgUnit, ct);
            var period = await ctx.PeriodAsync("period", row.Period, ct);
            var code = ctx.Required("section", row.Section);
            var text = ctx.Required("text", row.Text);
            if (unit is null || period is null || code is null || text is null) continue;
            if (ctx.Duplicate(seen, (unit.Id, period.Code, code), "section")) continue;
            var s = existing.FirstOrDefault(x => x.OrgUnitId == unit.Id && x.PeriodId == period.Id && period.Id != 0 && x.SectionCode == code);
            if (s is null)
            {
                s = new ReportSection { OrgUnitId = unit.Id, Period = period, SectionCode = code, Text = text };
                ctx.Db.ReportSections.Add(s);
                existing.Add(s);
                counts.Created++;
            }
            else if (s.Text == text && s.Title == row.Title) { counts.Unchanged++; continue; }
            else counts.Updated++;
            s.Title = row.Title;
            s.Text = text;
            s.UpdatedBy = ctx.Db.Actor;
            s.UpdatedAt = ctx.Instant;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
