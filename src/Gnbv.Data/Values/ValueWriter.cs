using Gnbv.Data.Concurrency;
using Gnbv.Data.Database;
using Gnbv.Data.Workflow;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Gnbv.Data.Values;

/// <summary>A stored value and what it becomes.</summary>
public sealed record ValueUpdate(DataValue Stored, decimal Value, string? Comment, bool FromRegistry);

/// <summary>
/// Writes a batch of data value changes, each with its change-log row, after the lock check: the
/// same outcome as tracking the entities and calling SaveChanges (where the change log and the lock
/// are enforced), but on PostgreSQL set-based (binary COPY, one UPDATE ... FROM, one DELETE), so a
/// national package or the registry's figures for 3,300 communes do not go through the change
/// tracker one entity at a time. The stored values passed in are untracked. The caller's
/// transaction is used when there is one; otherwise the batch is its own transaction.
/// </summary>
public sealed class ValueWriter(AppDbContext db, TimeProvider clock)
{
    /// <summary>Below this many rows the change tracker is as fast and the SQL is not worth it.</summary>
    const int BulkThreshold = 500;

    public async Task ApplyAsync(IReadOnlyList<DataValue> inserts, IReadOnlyList<ValueUpdate> updates,
        IReadOnlyList<DataValue> deletes, CancellationToken ct = default)
    {
        if (inserts.Count + updates.Count + deletes.Count == 0) return;
        if (!db.Database.IsNpgsql() || inserts.Count + updates.Count + deletes.Count < BulkThreshold)
        {
            await TrackedAsync(inserts, updates, deletes, ct);
            return;
        }
        LockGuard.CheckValues(db, clock, inserts.Concat(updates.Select(u => u.Stored)).Concat(deletes).Select(v => (v.OrgUnitId, v.PeriodId)));
        var now = clock.UtcNow();
        var by = string.IsNullOrEmpty(db.Actor) ? "system" : db.Actor;
        await db.Database.OpenConnectionAsync(ct);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            var tx = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
            if (inserts.Count > 0)
            {
                await using var copy = await conn.BeginBinaryImportAsync("""
                    COPY data_values ("IndicatorId", "DisaggregationId", "OrgUnitId", "PeriodId", "Value", "Comment", "FromRegistry", "CreatedBy", "CreatedAt", "UpdatedBy", "UpdatedAt") FROM STDIN (FORMAT BINARY)
                    """, ct);
                foreach (var v in inserts)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(v.IndicatorId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(v.DisaggregationId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(v.OrgUnitId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(v.PeriodId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(v.Value, NpgsqlDbType.Numeric, ct);
                    await WriteText(copy, v.Comment, ct);
                    await copy.WriteAsync(v.FromRegistry, NpgsqlDbType.Boolean, ct);
                    await copy.WriteAsync(by, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(by, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                }
                await copy.CompleteAsync(ct);
            }
            if (updates.Count > 0)
            {
                await Exec(conn, tx, "CREATE TEMP TABLE value_updates (id bigint, version integer, value numeric, comment text, from_registry boolean) ON COMMIT DROP", ct);
                await using (var copy = await conn.BeginBinaryImportAsync("COPY value_updates FROM STDIN (FORMAT BINARY)", ct))
                {
                    foreach (var u in updates)
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(u.Stored.Id, NpgsqlDbType.Bigint, ct);
                        await copy.WriteAsync(u.Stored.Version, NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(u.Value, NpgsqlDbType.Numeric, ct);
                        await WriteText(copy, u.Comment, ct);
                        await copy.WriteAsync(u.FromRegistry, NpgsqlDbType.Boolean, ct);
                    }
                    await copy.CompleteAsync(ct);
                }
                // Only rows still at the version read: one changed meanwhile makes the count short, and the whole batch a conflict.
                var matched = await Exec(conn, tx, """
                    UPDATE data_values d SET "Value" = u.value, "Comment" = u.comment, "FromRegistry" = u.from_registry, "UpdatedBy" = @by, "UpdatedAt" = @now,
                        "Version" = d."Version" + 1
                    FROM value_updates u WHERE d."Id" = u.id AND d."Version" = u.version
                    """, ct, ("by", by), ("now", now));
                if (matched != updates.Count) throw new StaleRowsException("data_values", updates.Count, matched);
                await Exec(conn, tx, "DROP TABLE value_updates", ct);
            }
            if (deletes.Count > 0)
            {
                var matched = await Exec(conn, tx, """
                    DELETE FROM data_values d USING unnest(@ids, @versions) AS x(id, version) WHERE d."Id" = x.id AND d."Version" = x.version
                    """, ct, ("ids", deletes.Select(d => d.Id).ToArray()), ("versions", deletes.Select(d => d.Version).ToArray()));
                if (matched != deletes.Count) throw new StaleRowsException("data_values", deletes.Count, matched);
            }

            await using (var log = await conn.BeginBinaryImportAsync("""
                COPY data_value_changes ("IndicatorId", "DisaggregationId", "OrgUnitId", "PeriodId", "Action", "OldValue", "NewValue", "OldComment", "NewComment", "Reason", "ChangedBy", "ChangedAt") FROM STDIN (FORMAT BINARY)
                """, ct))
            {
                foreach (var v in inserts) await LogAsync(log, v, "insert", null, null, v.Value, v.Comment, db.Reason, by, now, ct);
                foreach (var u in updates)
                    if (u.Stored.Value != u.Value || u.Stored.Comment != u.Comment)
                        await LogAsync(log, u.Stored, "update", u.Stored.Value, u.Stored.Comment, u.Value, u.Comment, db.Reason, by, now, ct);
                foreach (var v in deletes) await LogAsync(log, v, "delete", v.Value, v.Comment, null, null, db.Reason, by, now, ct);
                await log.CompleteAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The change tracker's way: SaveChanges checks the lock and writes the change log.</summary>
    async Task TrackedAsync(IReadOnlyList<DataValue> inserts, IReadOnlyList<ValueUpdate> updates, IReadOnlyList<DataValue> deletes, CancellationToken ct)
    {
        var now = clock.UtcNow();
        // Looked up once: DbSet.Local runs DetectChanges over every tracked entity on each access, which
        // made a package of a few thousand updates take minutes on SQLite (and the re-run after a crash with it).
        var local = db.DataValues.Local.Where(v => v.Id != 0).ToDictionary(v => v.Id);
        db.DataValues.AddRange(inserts);
        foreach (var u in updates)
        {
            var tracked = Track(local, u.Stored);
            tracked.Value = u.Value;
            tracked.Comment = u.Comment;
            tracked.FromRegistry = u.FromRegistry;
            tracked.UpdatedBy = db.Actor;
            tracked.UpdatedAt = now;
            // The version read stays the original value EF checks in the UPDATE's WHERE (concurrency token).
            tracked.Version = db.Entry(tracked).Property(v => v.Version).OriginalValue + 1;
        }
        foreach (var d in deletes) db.DataValues.Remove(Track(local, d));
        await db.SaveChangesAsync(ct);
    }

    DataValue Track(Dictionary<long, DataValue> local, DataValue value)
    {
        if (local.TryGetValue(value.Id, out var tracked)) return tracked;
        return local[value.Id] = db.DataValues.Attach(value).Entity;
    }

    static async Task LogAsync(NpgsqlBinaryImporter log, DataValue v, string action, decimal? oldValue, string? oldComment,
        decimal? newValue, string? newComment, string? reason, string by, DateTime now, CancellationToken ct)
    {
        await log.StartRowAsync(ct);
        await log.WriteAsync(v.IndicatorId, NpgsqlDbType.Integer, ct);
        await log.WriteAsync(v.DisaggregationId, NpgsqlDbType.Integer, ct);
        await log.WriteAsync(v.OrgUnitId, NpgsqlDbType.Integer, ct);
        await log.WriteAsync(v.PeriodId, NpgsqlDbType.Integer, ct);
        await log.WriteAsync(action, NpgsqlDbType.Text, ct);
        if (oldValue is { } o) await log.WriteAsync(o, NpgsqlDbType.Numeric, ct); else await log.WriteNullAsync(ct);
        if (newValue is { } n) await log.WriteAsync(n, NpgsqlDbType.Numeric, ct); else await log.WriteNullAsync(ct);
        await WriteText(log, oldComment, ct);
        await WriteText(log, newComment, ct);
        await WriteText(log, reason, ct);
        await log.WriteAsync(by, NpgsqlDbType.Text, ct);
        await log.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
    }

    static async Task WriteText(NpgsqlBinaryImporter copy, string? text, CancellationToken ct)
    {
        if (text is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(text, NpgsqlDbType.Text, ct);
    }

    static async Task<int> Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
