using Gnbv.Domain.Indicators;
using Gnbv.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gnbv.Data.Database;

/// <summary>
/// In every SaveChanges: refuses changes to locked (approved) records, writes a
/// <see cref="DataValueChange"/> for every inserted, changed or deleted data value and an audit
/// entry for every other audited record, so that the log and the data can never disagree.
/// </summary>
public sealed class ChangeLogInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not AppDbContext db) return result;
        var detected = DetectChangesOnce(db);
        try
        {
            TextGuard.Check(db);
            Workflow.LockGuard.Check(db, clock);
            Record(db);
        }
        finally
        {
            if (detected) db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db) return result;
        var detected = DetectChangesOnce(db);
        try
        {
            // The lock check queries the database: awaited, so that saves under load do not hold threads.
            TextGuard.Check(db);
            await Workflow.LockGuard.CheckAsync(db, clock, cancellationToken);
            Record(db);
        }
        finally
        {
            if (detected) db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return result;
    }

    /// <summary>
    /// Each ChangeTracker.Entries() call scans every tracked entity for changes; the lock guard, the
    /// audit and the change log all read the entries, so the scan is done once for the three
    /// (SaveChanges then scans once more, for what they added). True when the caller must re-enable it.
    /// </summary>
    private static bool DetectChangesOnce(AppDbContext db)
    {
        var tracker = db.ChangeTracker;
        if (!tracker.AutoDetectChangesEnabled) return false;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        return true;
    }

    private void Record(AppDbContext db)
    {
        var now = clock.UtcNow();
        Audit.AuditRecorder.Record(db, now);
        var changes = new List<DataValueChange>();
        foreach (var entry in db.ChangeTracker.Entries<DataValue>())
        {
            var v = entry.Entity;
            var (action, oldValue, oldComment, newValue, newComment) = entry.State switch
            {
                EntityState.Added => ("insert", (decimal?)null, (string?)null, (decimal?)v.Value, v.Comment),
                EntityState.Deleted => ("delete", entry.OriginalValues.GetValue<decimal>(nameof(DataValue.Value)),
                    entry.OriginalValues.GetValue<string?>(nameof(DataValue.Comment)), null, null),
                EntityState.Modified => ("update", entry.OriginalValues.GetValue<decimal>(nameof(DataValue.Value)),
                    entry.OriginalValues.GetValue<string?>(nameof(DataValue.Comment)), v.Value, v.Comment),
                _ => ("", null, null, null, null),
            };
            if (action.Length == 0) continue;
            if (action == "update" && oldValue == newValue && oldComment == newComment) continue;
            changes.Add(new DataValueChange
            {
                IndicatorId = v.IndicatorId,
                DisaggregationId = v.DisaggregationId,
                OrgUnitId = v.OrgUnitId,
                PeriodId = v.PeriodId,
                Action = action,
                OldValue = oldValue,
                NewValue = newValue,
                OldComment = oldComment,
                NewComment = newComment,
                ChangedBy = string.IsNullOrEmpty(db.Actor) ? "system" : db.Actor,
                ChangedAt = now,
                Reason = db.Reason,
            });
        }
        db.DataValueChanges.AddRange(changes);
    }
}
