using System.Globalization;
using Gnbv.Data.Concurrency;
using Gnbv.Data.Database;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>What another user changed in a household a save was based on: its version, its census of the year, who and when.</summary>
public static class HouseholdConflicts
{
    public const string Kind = "household";

    public static async Task<EditConflict> DescribeAsync(AppDbContext db, Household now, int year, int expected, CancellationToken ct)
    {
        var key = $"{now.OrgUnit?.Code}/{now.Code}";
        var census = await db.CensusEntries.AsNoTracking().Where(c => c.HouseholdId == now.Id && c.Year == year)
            .Select(c => new { c.Status, c.Income, c.ScoreA }).FirstOrDefaultAsync(ct);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == AuditEntities.HouseholdCensus && a.EntityKey.StartsWith(key + "/"))
            .OrderByDescending(a => a.Id).Select(a => new { a.ChangedBy, a.ChangedAt }).FirstOrDefaultAsync(ct);
        var by = last?.ChangedBy;
        var at = (last?.ChangedAt ?? now.UpdatedAt).ToLocalTime().ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        var status = census is null ? $"chưa có kết quả rà soát năm {year}" : $"kết quả rà soát năm {year} hiện là {HouseholdStatuses.VietnameseName(census.Status)}";
        var value = census is null ? null : HouseholdStatuses.Code(census.Status);
        return new EditConflict(Kind, key, expected, now.Version, value, by, last?.ChangedAt ?? now.UpdatedAt,
            $"Hộ {now.Code} ({now.HeadName}) đã được {by ?? "người khác"} sửa lúc {at} (phiên bản {now.Version}, bạn sửa từ phiên bản {expected}); {status}");
    }
}
