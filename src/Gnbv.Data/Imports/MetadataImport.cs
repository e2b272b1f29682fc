using Gnbv.Domain;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts funding sources, disaggregations and indicators by code.</summary>
internal static class MetadataImport
{
    public static async Task ApplySourcesAsync(ImportContext ctx, List<FundingSourceRow> rows, CancellationToken ct) =>
        await ApplyCodedAsync(ctx, "fundingSources", rows.Select(r => ((ImportRow)r, r.Code, r.Name, r.Order)).ToList(),
            await ctx.SourcesAsync(ct), (code, name) => ctx.Db.FundingSources.Add(new FundingSource { Code = code, Name = name }).Entity, ct);

    public static async Task ApplyDisaggregationsAsync(ImportContext ctx, List<DisaggregationRow> rows, CancellationToken ct) =>
        await ApplyCodedAsync(ctx, "disaggregations", rows.Select(r => ((ImportRow)r, r.Code, r.Name, r.Order)).ToList(),
            await ctx.DisaggregationsAsync(ct), (code, name) => ctx.Db.Disaggregations.Add(new Disaggregation { Code = code, Name = name }).Entity, ct);

    /// <summary>Upserts code-and-name metadata by code.</summary>
    private static async Task ApplyCodedAsync<T>(ImportContext ctx, string section, List<(ImportRow Row, string? Code, string? Name, int? Order)> rows,
        Dictionary<string, T> existing, Func<string, string, T> create, CancellationToken ct) where T : ICodedItem
    {
        var counts = ctx.Result.For(section);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            ctx.At(section, i, rows[i].Row);
            var code = ctx.Required("code", rows[i].Code);
            var name = ctx.Required("name", rows[i].Name);
            if (code is null || name is null || ctx.Duplicate(seen, code, "code")) continue;
            if (!existing.TryGetValue(code, out var item))
            {
                existing[code] = item = create(code, name);
                counts.Created++;
            }
            else counts.Updated++;
            item.Name = name;
            item.SortOrder = rows[i].Order ?? i;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }

    public static async Task ApplyIndicatorsAsync(ImportContext ctx, List<IndicatorRow> rows, CancellationToken ct)
    {
        const string section = "indicators";
        var indicators = await ctx.IndicatorsAsync(ct);
        var disaggregations = await ctx.DisaggregationsAsync(ct);
        var counts = ctx.Result.For(section);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(section, i, row);
            var code = ctx.Required("code", row.Code);
            var name = ctx.Required("name", row.Name);
            var uom = ctx.Required("unitOfMeasure", row.UnitOfMeasure);
            var valueType = ctx.Enum("valueType", row.ValueType, IndicatorValueType.Number);
            var aggregation = ctx.Enum("aggregation", row.Aggregation, AggregationType.Sum);
            var stored = code is null ? null : indicators.GetValueOrDefault(code);
            var periodType = ctx.PeriodTypeOf("periodType", row.PeriodType, stored?.PeriodType ?? Indicator.DefaultPeriodType);
            if (stored is not null && periodType is { } changedTo && changedTo != stored.PeriodType && stored.Id != 0)
            {
                // Values already typed for the old kind would be refused from now on, or counted twice beside the new kind's.
                var other = await ctx.Db.DataValues.AsNoTracking()
                    .Where(v => v.IndicatorId == stored.Id && !v.FromRegistry && v.Period!.Type != changedTo)
                    .Select(v => v.Period!.Code).FirstOrDefaultAsync(ct);
                if (other is not null)
                    ctx.Error("periodType", $"chỉ tiêu {code} đang có giá trị nhập {PeriodTypes.VietnameseName(stored.PeriodType)} (kỳ {other}): xóa các giá trị đó trước khi đổi sang {PeriodTypes.Code(changedTo)} (values of the old period type exist)");
            }
            var item = string.IsNullOrWhiteSpace(row.ProgramItem) ? null : await ctx.ItemAsync("programItem", row.ProgramItem, ct);
            var codes = row.Disaggregations is { Count: > 0 } list ? list : [Disaggregation.TotalCode];
            var ds = new List<Disaggregation>();
            foreach (var c in codes)
            {
                if (disaggregations.TryGetValue(c.Trim(), out var d)) ds.Add(d);
                else ctx.Error("disaggregations", $"không có phân tổ mã '{c}' (unknown disaggregation)");
            }
            if (code is null || name is null || uom is null || valueType is null || aggregation is null || periodType is null) continue;
            if (ctx.Duplicate(seen, code, "code")) continue;
            if (!indicators.TryGetValue(code, out var indicator))
            {
                indicator = new Indicator { Code = code, Name = name, UnitOfMeasure = uom };
                ctx.Db.Indicators.Add(indicator);
                indicators[code] = indicator;
                counts.Created++;
            }
            else counts.Updated++;
            indicator.Name = name;
            indicator.UnitOfMeasure = uom;
            indicator.ValueType = valueType.Value;
            indicator.Aggregation = aggregation.Value;
            indicator.PeriodType = periodType.Value;
            indicator.ProgramItem = item;
            indicator.SortOrder = i;
            var wanted = ds.Select(d => d.Id).Distinct().ToList();
            indicator.Disaggregations.RemoveAll(x => !wanted.Contains(x.DisaggregationId));
            for (var k = 0; k < wanted.Count; k++)
            {
                var link = indicator.Disaggregations.FirstOrDefault(x => x.DisaggregationId == wanted[k]);
                if (link is null) indicator.Disaggregations.Add(link = new IndicatorDisaggregation { DisaggregationId = wanted[k] });
                link.SortOrder = k;
            }
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
