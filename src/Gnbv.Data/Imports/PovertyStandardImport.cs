using System.Text.RegularExpressions;
using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>
/// Upserts poverty standards by code with their deprivation indicators (replaced as listed, in
/// order). Years of two standards may not overlap: a census year has exactly one standard.
/// </summary>
internal static partial class PovertyStandardImport
{
    public const string Section = "povertyStandards";

    public static async Task ApplyAsync(ImportContext ctx, List<PovertyStandardRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var existing = await ctx.Db.PovertyStandards.Include(s => s.Indicators).ToDictionaryAsync(s => s.Code, ct);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var code = ctx.Required("code", row.Code);
            var name = ctx.Required("name", row.Name);
            if (code is not null && !YearsCode().IsMatch(code)) ctx.Error("code", $"'{code}' phải đặt theo năm: 2022-2025 (name a standard by its years)");
            if (row.FromYear is null || row.ToYear is null || row.FromYear > row.ToYear || row.FromYear < 2000 || row.ToYear > 2100)
                ctx.Error("fromYear", $"Năm áp dụng {row.FromYear}-{row.ToYear} không hợp lệ (fromYear <= toYear, 2000..2100)");
            foreach (var (field, line) in new[] { ("incomeLineRural", row.IncomeLineRural), ("incomeLineUrban", row.IncomeLineUrban) })
                if (line is null or <= 0) ctx.Error(field, "Chuẩn thu nhập phải là số đồng dương (required, > 0)");
            if (row.AverageUpperRural is { } ar && ar <= (row.IncomeLineRural ?? 0)) ctx.Error("averageUpperRural", "Mức sống trung bình phải trên chuẩn nghèo (must be above the income line)");
            if (row.AverageUpperUrban is { } au && au <= (row.IncomeLineUrban ?? 0)) ctx.Error("averageUpperUrban", "Mức sống trung bình phải trên chuẩn nghèo (must be above the income line)");
            if (row.ScoreALineRural is <= 0) ctx.Error("scoreALineRural", "Ngưỡng điểm A phải dương");
            if (row.ScoreALineUrban is <= 0) ctx.Error("scoreALineUrban", "Ngưỡng điểm A phải dương");
            var indicators = row.Indicators ?? [];
            if (indicators.Count == 0) ctx.Error("indicators", "Chuẩn phải có các chỉ số thiếu hụt (required)");
            if (indicators.Count > 31) ctx.Error("indicators", "Tối đa 31 chỉ số thiếu hụt");
            var minimum = row.PoorMinDeprivations ?? 3;
            if (minimum < 1 || minimum > Math.Max(1, indicators.Count)) ctx.Error("poorMinDeprivations", $"{minimum} phải từ 1 đến số chỉ số ({indicators.Count})");
            if ((row.PointsPerDeprivation ?? 10) <= 0) ctx.Error("pointsPerDeprivation", "Điểm mỗi chỉ số phải dương");
            var codes = new HashSet<string>();
            for (var k = 0; k < indicators.Count; k++)
            {
                var ind = indicators[k];
                if (string.IsNullOrWhiteSpace(ind.Code) || string.IsNullOrWhiteSpace(ind.Name) || string.IsNullOrWhiteSpace(ind.Dimension))
                    ctx.Error($"indicators[{k}]", "code, dimension và name là bắt buộc (required)");
                else if (!codes.Add(ind.Code)) ctx.Error($"indicators[{k}].code", $"'{ind.Code}' trùng (duplicate)");
            }
            if (code is null || name is null || ctx.Duplicate(seen, code, "code") || ctx.HasRowErrors) continue;

            var overlaps = existing.Values.Where(s => s.Code != code && s.FromYear <= row.ToYear && row.FromYear <= s.ToYear).OrderBy(s => s.FromYear).ToList();
            if (overlaps.Count > 0)
            {
                ctx.Error("fromYear", $"Năm {row.FromYear}-{row.ToYear} trùng với chuẩn {string.Join(", ", overlaps.Select(o => $"{o.Code} ({o.FromYear}-{o.ToYear})"))}: mỗi năm rà soát chỉ có một chuẩn");
                continue;
            }
            if (!existing.TryGetValue(code, out var standard))
            {
                ctx.Db.PovertyStandards.Add(standard = new PovertyStandard { Code = code, Name = name });
                existing[code] = standard;
                counts.Created++;
            }
            else counts.Updated++;
            standard.Name = name;
            standard.LegalBasis = row.LegalBasis;
            standard.FromYear = row.FromYear!.Value;
            standard.ToYear = row.ToYear!.Value;
            standard.IncomeLineRural = row.IncomeLineRural!.Value;
            standard.IncomeLineUrban = row.IncomeLineUrban!.Value;
            standard.AverageUpperRural = row.AverageUpperRural;
            standard.AverageUpperUrban = row.AverageUpperUrban;
            standard.ScoreALineRural = row.ScoreALineRural;
            standard.ScoreALineUrban = row.ScoreALineUrban;
            standard.PoorMinDeprivations = minimum;
            standard.PointsPerDeprivation = row.PointsPerDeprivation ?? 10;
            var listed = indicators.Select((ind, k) => (ind, k)).ToList();
            if (!standard.Indicators.Select(x => x.Code).SequenceEqual(listed.Select(x => x.ind.Code!)))
            {
                standard.Indicators.Clear();
                standard.Indicators.AddRange(listed.Select(x => new DeprivationIndicator { Code = x.ind.Code!, Dimension = x.ind.Dimension!, Name = x.ind.Name!, Sort = x.k }));
            }
            else
                foreach (var (ind, k) in listed)
                {
                    standard.Indicators[k].Name = ind.Name!;
                    standard.Indicators[k].Dimension = ind.Dimension!;
                }
        }
        await ctx.Db.SaveChangesAsync(ct);
    }

    [GeneratedRegex(@"^\d{4}-\d{4}$")]
    private static partial Regex YearsCode();
}
