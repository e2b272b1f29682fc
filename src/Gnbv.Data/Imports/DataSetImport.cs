using Gnbv.Domain.Periods;
using Gnbv.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts the names, due dates and order of the four data sets units submit.</summary>
internal static class DataSetImport
{
    public const string Section = "dataSets";

    /// <summary>Disbursements are reported by half-year (TT10) unless the capital data set says otherwise.</summary>
    public const PeriodType DefaultCapitalPeriodType = PeriodType.SixMonthly;

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
            existing.TryGetValue(code ?? "", out var stored);
            PeriodType? periodType = null;
            if (code == DataSets.Capital)
            {
                periodType = ctx.PeriodTypeOf("periodType", row.PeriodType, stored?.PeriodType ?? DefaultCapitalPeriodType);
                if (stored is not null && periodType is { } changedTo && changedTo != (stored.PeriodType ?? DefaultCapitalPeriodType))
                {
                    var other = await ctx.Db.Disbursements.AsNoTracking().Where(d => d.Period!.Type != changedTo).Select(d => d.Period!.Code).FirstOrDefaultAsync(ct);
                    if (other is not null)
                        ctx.Error("periodType", $"đã có giải ngân kỳ {other} ({PeriodTypes.VietnameseName(stored.PeriodType ?? DefaultCapitalPeriodType)}): xóa các giải ngân đó trước khi đổi loại kỳ (disbursements of the old period type exist)");
                }
                if (periodType is null) continue;
            }
            else if (!string.IsNullOrWhiteSpace(row.PeriodType))
                ctx.Error("periodType", $"chỉ bộ số liệu {DataSets.Capital} có loại kỳ (của giải ngân); số liệu chỉ tiêu theo loại kỳ của từng chỉ tiêu (only the capital data set has a period type)");
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
            set.PeriodType = periodType;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
