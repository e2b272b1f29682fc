using Gnbv.Data.Database;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>The units that keep household registries: communes, wards and towns.</summary>
public static class RegistryUnits
{
    public static async Task<List<OrgUnit>> CommunesUnderAsync(AppDbContext db, OrgUnit root, DateOnly day, CancellationToken ct = default)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Path.StartsWith(root.Path) && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Ward || u.Kind == UnitKind.Town))
            .OrderBy(u => u.Code).ToListAsync(ct);
        return units.Where(u => u.IsValidOn(day)).ToList();
    }
}
