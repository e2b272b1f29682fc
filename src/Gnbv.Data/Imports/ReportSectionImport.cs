using Gnbv.Domain.Formatting;
using Gnbv.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts report narrative sections by (unit, period, section).</summary>
public static class ReportSectionImport
{
    public const string Section = "reportSections";

    /// <summary>
    /// Characters of one section's text: some five printed pages, several times the longest
    /// section of a district's report. Without a bound, 20 MB were accepted, copied into the
    /// audit on every save and into every report. The API, the page and files all come here.
    /// </summary>
    public const int MaxTextChars = 20_000;

    /// <summary>The columns' sizes (report_sections.section_code, title).</summary>
    public const int MaxCodeChars = 64, MaxTitleChars = 300;

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
            if (code is { Length: > MaxCodeChars }) { ctx.Error("section", $"mã mục dài {code.Length} ký tự, quá {MaxCodeChars} ký tự (too long)"); code = null; }
            if (row.Title is { Length: > MaxTitleChars } title)
            {
                ctx.Error("title", $"mục {code}: tiêu đề dài {VnFormat.Number(title.Length)} ký tự, quá giới hạn {MaxTitleChars} ký tự (too long)");
                code = null;
            }
            if (text is { Length: > MaxTextChars })
            {
                ctx.Error("text", $"mục {code ?? row.Section?.Trim()}: nội dung dài {VnFormat.Number(text.Length)} ký tự, quá giới hạn {VnFormat.Number(MaxTextChars)} ký tự của một mục báo cáo (too long)");
                text = null;
            }
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
