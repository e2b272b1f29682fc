using Gnbv.Data.Database;
using Gnbv.Data.Values;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Time;

namespace Gnbv.Data.Households;

/// <summary>
/// Brings stored figures in line with what the registry computes: a figure computed is inserted,
/// or replaces the stored one (typed or computed) when its value differs; a computed figure no
/// longer computed is removed; figures typed by hand that the registry does not compute stay.
/// Written by <see cref="ValueWriter"/> (lock check and change log included); the values passed in are untracked.
/// </summary>
public sealed class RegistryValues(AppDbContext db, TimeProvider clock, ValueWriter writer)
{
    public sealed record Changes(int Inserted, int Updated, int Deleted);

    public async Task<Changes> SyncAsync(IReadOnlyList<DataValue> existing,
        IReadOnlyDictionary<(int Indicator, int Disaggregation, int Unit, int Period), decimal> wanted, string comment, CancellationToken ct = default)
    {
        var byKey = existing.ToDictionary(v => (v.IndicatorId, v.DisaggregationId, v.OrgUnitId, v.PeriodId));
        var inserts = new List<DataValue>();
        var updates = new List<ValueUpdate>();
        var now = clock.UtcNow();
        foreach (var (key, value) in wanted)
        {
            if (byKey.Remove(key, out var v))
            {
                if (v.Value == value && v.FromRegistry) continue;
                updates.Add(new ValueUpdate(v, value, comment, FromRegistry: true));
                continue;
            }
            inserts.Add(new DataValue
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
        }
        var deletes = byKey.Values.Where(v => v.FromRegistry).ToList();
        await writer.ApplyAsync(inserts, updates, deletes, ct);
        return new Changes(inserts.Count, updates.Count, deletes.Count);
    }
}
