using Gnbv.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts the names, due dates and order of the four data sets units submit.</summary>
internal static class DataSetImport
{
    public const string Section = "dataSets";

    public static async Task ApplyAsync(ImportContext ctx, List<DataSetRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var existing = await ctx.Db.DataSets.ToDictionaryAsync(d => d.Code, ct);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var code = ctx.Required("code", row.Code);
            var name = ctx.Required("name", row.Name);
            if (code is not null && !DataSets.Codes.Contains(code))
            {
                ctx.Error("code", $"'{code}' không có; dùng: {string.Join(", ", DataSets.Codes)}");
                continue;
            }
            if (row.DueDays is < -366 or > 366) ctx.Error("dueDays", $"{row.DueDays} ngày nằm ngoài khoảng -366..366");
            if (code is null || name is null || ctx.Duplicate(seen, code, "code")) continue;
            if (!existing.TryGetValue(code, out var set))
            {
                ctx.Db.DataSets.Add(set = new DataSet { Code = code, Name = name });
                existing[code] = set;
                counts.Created++;
            }
            else counts.Updated++;
            set.Name = name;
            set.DueDays = row.DueDays ?? 0;
            set.Sort = row.Sort ?? DataSets.Codes.ToList().IndexOf(code);
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
