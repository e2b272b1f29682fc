using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Values;

/// <summary>A value as stored, keyed by its own unit and period: what dataValueSets and the CSV export carry.</summary>
public sealed record StoredValue(string DataElement, string Period, string OrgUnit, string Disaggregation, string Value, string? Comment, string StoredBy, DateTime LastUpdated, int Version);

public sealed class StoredValues(AppDbContext db, UnitTree tree)
{
    /// <summary>The values stored for the unit (and, with children, its rolled-up subtree) in periods inside the period.</summary>
    public async Task<List<StoredValue>> ListAsync(OrgUnit unit, Period period, bool children, CancellationToken ct = default)
    {
        var unitIds = children ? await tree.RollupUnitIdsAsync(unit, ct) : [unit.Id];
        var rows = await db.DataValues.AsNoTracking()
            .Where(v => unitIds.Contains(v.OrgUnitId) && v.Period!.StartDate >= period.Start && v.Period.EndDate <= period.End)
            .Select(v => new { Indicator = v.Indicator!.Code, Period = v.Period!.Code, Unit = v.OrgUnit!.Code, Dis = v.Disaggregation!.Code, v.Value, v.Comment, v.UpdatedBy, v.UpdatedAt, v.Version })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.Indicator, StringComparer.Ordinal).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Dis, StringComparer.Ordinal)
            .Select(r => new StoredValue(r.Indicator, r.Period, r.Unit, r.Dis, Decimals.Invariant(r.Value), r.Comment, r.UpdatedBy, r.UpdatedAt, r.Version))
            .ToList();
    }
}
