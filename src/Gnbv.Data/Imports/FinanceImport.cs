using Gnbv.Domain.Finance;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts capital allocations by (unit, item, source, year, carried-over-from) and disbursements by (unit, item, source, period).</summary>
internal static class FinanceImport
{
    public static async Task ApplyAllocationsAsync(ImportContext ctx, List<AllocationRow> rows, CancellationToken ct)
    {
        const string section = "capitalAllocations";
        var counts = ctx.Result.For(section);
        var existing = await ctx.Db.CapitalAllocations.ToListAsync(ct);
        var seen = new Dictionary<(int, int, int, int, int?), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(section, i, row);
            var unit = await ctx.UnitAsync("orgUnit", row.OrgUnit, ct);
            var item = await ctx.ItemAsync("programItem", row.ProgramItem, ct);
            var source = await ctx.SourceAsync("source", row.Source, ct);
            var year = ctx.Year("year", row.Year, required: true);
            var from = ctx.Year("carriedOverFrom", row.CarriedOverFrom, required: false);
            if (year is not null && from is not null && from >= year)
                ctx.Error("carriedOverFrom", $"năm chuyển nguồn {from} phải trước năm {year} (carry-over must come from an earlier year)");
            var amount = ctx.Money("amount", row.Amount, required: true);
            var decision = await ctx.DocumentAsync("decision", row.Decision, ct);
            if (unit is null || item is null || source is null || year is null || amount is null) continue;
            if (ctx.Duplicate(seen, (unit.Id, item.Id, source.Id, year.Value, from), "programItem")) continue;

            var a = existing.FirstOrDefault(x => x.OrgUnitId == unit.Id && x.ProgramItemId == item.Id &&
                x.FundingSourceId == source.Id && x.Year == year && x.CarriedOverFromYear == from);
            if (a is null)
            {
                a = new CapitalAllocation { OrgUnitId = unit.Id, ProgramItemId = item.Id, FundingSourceId = source.Id, Year = year.Value, CarriedOverFromYear = from };
                ctx.Db.CapitalAllocations.Add(a);
                existing.Add(a);
                counts.Created++;
            }
            else if (a.AmountDong == amount && a.DecisionId == decision?.Id && a.Note == row.Note) counts.Unchanged++;
            else counts.Updated++;
            a.AmountDong = amount.Value;
            a.Decision = decision;
            a.Note = row.Note;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }

    public static async Task ApplyDisbursementsAsync(ImportContext ctx, List<DisbursementRow> rows, CancellationToken ct)
    {
        const string section = "disbursements";
        var counts = ctx.Result.For(section);
        var existing = await ctx.Db.Disbursements.ToListAsync(ct);
        var periodType = await ctx.Db.DataSets.AsNoTracking().Where(s => s.Code == DataSets.Capital).Select(s => s.PeriodType).FirstOrDefaultAsync(ct)
            ?? DataSetImport.DefaultCapitalPeriodType;
        var seen = new Dictionary<(int, int, int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(section, i, row);
            var unit = await ctx.UnitAsync("orgUnit", row.OrgUnit, ct);
            var item = await ctx.ItemAsync("programItem", row.ProgramItem, ct);
            var source = await ctx.SourceAsync("source", row.Source, ct);
            var period = await ctx.PeriodAsync("period", row.Period, ct);
            // Money paid is reported for a period that has begun; a later period is a plan, which is an allocation.
            if (period is not null && period.StartDate > ctx.Today)
            {
                ctx.Error("period", $"kỳ {period.Code} bắt đầu {period.StartDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}, sau hôm nay: chưa thể giải ngân (disbursement in a future period)");
                period = null;
            }
            // One kind of period for all disbursements, as for an indicator's values: 2023Q1 beside 2023S1 would be paid twice.
            if (period is not null && period.Type != periodType)
            {
                ctx.Error("period", $"giải ngân được báo cáo {PeriodTypes.VietnameseName(periodType)} (kỳ như {PeriodTypes.Example(periodType)}), không cho kỳ {period.Code} ({PeriodTypes.VietnameseName(period.Type)}): kỳ dài hơn được cộng từ các kỳ đó (period type does not match the capital data set's)");
                period = null;
            }
            var amount = ctx.Money("amount", row.Amount, required: true);
            if (unit is null || item is null || source is null || period is null || amount is null) continue;
            if (ctx.Duplicate(seen, (unit.Id, item.Id, source.Id, period.Code), "programItem")) continue;

            var d = existing.FirstOrDefault(x => x.OrgUnitId == unit.Id && x.ProgramItemId == item.Id &&
                x.FundingSourceId == source.Id && x.PeriodId == period.Id && period.Id != 0);
            if (d is null)
            {
                d = new Disbursement { OrgUnitId = unit.Id, ProgramItemId = item.Id, FundingSourceId = source.Id, Period = period };
                ctx.Db.Disbursements.Add(d);
                existing.Add(d);
                counts.Created++;
            }
            else if (d.AmountDong == amount && d.Comment == row.Comment) counts.Unchanged++;
            else counts.Updated++;
            d.AmountDong = amount.Value;
            d.Comment = row.Comment;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
