using Gnbv.Domain.Works;

namespace Gnbv.Data.Imports;

/// <summary>Upserts works (công trình) by code.</summary>
internal static class WorkImport
{
    public const string Section = "works";

    public static async Task ApplyAsync(ImportContext ctx, List<WorkRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var codes = rows.Select(r => r.Code?.Trim()).Where(c => c is not null).ToList();
        var existing = ctx.Db.Works.Where(w => codes.Contains(w.Code)).ToDictionary(w => w.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var code = ctx.Required("code", row.Code);
            var name = ctx.Required("name", row.Name);
            var kind = ctx.Required("kind", row.Kind);
            var unit = await ctx.UnitAsync("orgUnit", row.OrgUnit, ct);
            var item = await ctx.ItemAsync("programItem", row.ProgramItem, ct);
            var status = ctx.Enum("status", row.Status, WorkStatus.Planned);
            var start = ctx.Year("startYear", row.StartYear, required: false);
            var end = ctx.Year("endYear", row.EndYear, required: false);
            if (start is not null && end is not null && end < start) ctx.Error("endYear", "năm hoàn thành trước năm khởi công (endYear before startYear)");
            var budget = ctx.Money("budget", row.Budget, required: false);
            var disbursed = ctx.Money("disbursed", row.Disbursed, required: false);
            if (code is null || name is null || kind is null || unit is null || item is null || status is null) continue;
            if (ctx.Duplicate(seen, code, "code")) continue;
            if (!existing.TryGetValue(code, out var work))
            {
                work = new Work { Code = code, Name = name, Kind = kind };
                ctx.Db.Works.Add(work);
                existing[code] = work;
                counts.Created++;
            }
            else counts.Updated++;
            work.Name = name;
            work.Kind = kind;
            work.OrgUnitId = unit.Id;
            work.Location = row.Location;
            work.ProgramItemId = item.Id;
            work.IsNew = row.IsNew ?? false;
            work.Status = status.Value;
            work.StartYear = start;
            work.EndYear = end;
            work.BudgetDong = budget;
            work.DisbursedDong = disbursed;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
