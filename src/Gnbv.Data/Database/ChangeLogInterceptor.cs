using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gnbv.Data.Database;

/// <summary>
/// In every SaveChanges: refuses changes to locked (approved) records, writes a
/// <see cref="DataValueChange"/> for every inserted, changed or deleted data value and an audit
/// entry for every other audited record, so that the log and the data can never disagree.
/// </summary>
public sealed class ChangeLogInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbContext? context)
    {
        if (context is not AppDbContext db) return;
        Workflow.LockGuard.Check(db);
        var now = DateTime.UtcNow;
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
