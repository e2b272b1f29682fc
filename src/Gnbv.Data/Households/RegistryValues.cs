using Gnbv.Data.Database;
using Gnbv.Domain.Indicators;

namespace Gnbv.Data.Households;

/// <summary>
/// Brings stored figures in line with what the registry computes: a figure computed is inserted,
/// or replaces the stored one (typed or computed) when its value differs; a computed figure no
/// longer computed is removed; figures typed by hand that the registry does not compute stay.
/// The caller saves.
/// </summary>
public static class RegistryValues
{
    public sealed record Changes(int Inserted, int Updated, int Deleted);

    public static Changes Sync(AppDbContext db, IReadOnlyList<DataValue> existing,
        IReadOnlyDictionary<(int Indicator, int Disaggregation, int Unit, int Period), decimal> wanted, string comment)
    {
        var byKey = existing.ToDictionary(v => (v.IndicatorId, v.DisaggregationId, v.OrgUnitId, v.PeriodId));
        int inserted = 0, updated = 0, deleted = 0;
        var now = DateTime.UtcNow;
        foreach (var (key, value) in wanted)
        {
            if (byKey.Remove(key, out var v))
            {
                if (v.Value == value && v.FromRegistry) continue;
                v.Value = value;
                v.FromRegistry = true;
                v.Comment = comment;
                v.UpdatedAt = now;
                v.UpdatedBy = db.Actor;
                updated++;
            }
            else
            {
                db.DataValues.Add(new DataValue
                {
                    IndicatorId = key.Indicator,
                    DisaggregationId = key.Disaggregation,
                    OrgUnitId = key.Unit,
                    PeriodId = key.Period,
                    Value = value,
                    FromRegistry = true,
                    Comment = comment,
                    CreatedAt = now,
                    CreatedBy = db.Actor,
                    UpdatedAt = now,
                    UpdatedBy = db.Actor,
                });
                inserted++;
            }
        }
        foreach (var stale in byKey.Values.Where(v => v.FromRegistry))
        {
            db.DataValues.Remove(stale);
            deleted++;
        }
        return new Changes(inserted, updated, deleted);
    }
}
