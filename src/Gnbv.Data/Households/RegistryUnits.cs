using Gnbv.Data.Database;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>The units that keep household registries: communes, wards and towns.</summary>
public sealed class RegistryUnits(AppDbContext db)
{
    public async Task<List<OrgUnit>> CommunesUnderAsync(OrgUnit root, DateOnly day, CancellationToken ct = default)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Path.StartsWith(root.Path) && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Ward || u.Kind == UnitKind.Town))
            .OrderBy(u => u.Code).ToListAsync(ct);
        return units.Where(u => u.IsValidOn(day)).ToList();
    }

    /// <summary>Units by the code a commune's list gives: the system's code, else the GSO code (a reused one goes to the unit valid longest).</summary>
    public async Task<Dictionary<string, OrgUnit>> ByCodeAsync(CancellationToken ct = default)
    {
        var units = new Dictionary<string, OrgUnit>(StringComparer.OrdinalIgnoreCase);
        var all = await db.OrgUnits.AsNoTracking().OrderBy(u => u.ValidTo == null).ThenBy(u => u.ValidTo).ToListAsync(ct);
        foreach (var u in all)
            if (u.OfficialCode is { } official) units[official] = u;
        foreach (var u in all) units[u.Code] = u;
        return units;
    }
}
