using Gnbv.Data.Database;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>
/// The registry's rows carry their commune's province code (ADR 008). When units move to another
/// province (a change of the unit tree, rare), their households, members, census entries and support
/// records follow, so a table partitioned or sharded by the code never holds a row in the wrong place.
/// </summary>
public static class RegistryProvinces
{
    public static async Task FollowAsync(AppDbContext db, IReadOnlyCollection<OrgUnit> moved, CancellationToken ct)
    {
        foreach (var group in moved.GroupBy(u => u.ProvinceCode))
        {
            var ids = group.Select(u => u.Id).ToList();
            var code = group.Key;
            var households = db.Households.Where(h => ids.Contains(h.OrgUnitId));
            await db.HouseholdMembers.Where(m => households.Any(h => h.Id == m.HouseholdId))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProvinceCode, code), ct);
            await db.CensusEntries.Where(c => households.Any(h => h.Id == c.HouseholdId))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProvinceCode, code), ct);
            await db.SupportRecords.Where(r => households.Any(h => h.Id == r.HouseholdId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProvinceCode, code), ct);
            await households.ExecuteUpdateAsync(s => s.SetProperty(h => h.ProvinceCode, code), ct);
        }
    }
}
