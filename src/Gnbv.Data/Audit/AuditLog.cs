using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Gnbv.Data.Database;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Audit;

/// <summary>
/// What to read from the audit: one kind of record, one record (its key), a time window; the
/// records about accounts (<see cref="AuditEntities.Accounts"/>) only when <paramref name="Accounts"/>
/// says the reader is an administrator or the CLI.
/// </summary>
public sealed record AuditQuery(string? Entity = null, string? Key = null, DateTime? From = null, DateTime? To = null, int Limit = 1000, bool Accounts = false);

/// <summary>One change as users read it: the record, what each field was and became, who, when, why.</summary>
public sealed record AuditRecord(string Entity, string Key, string? Unit, string Action, IReadOnlyDictionary<string, string?[]> Changes,
    string? Reason, string ChangedBy, DateTime ChangedAt);

/// <summary>
/// Reads the audit of every kind of record in one list, newest first: the audit entries and the
/// data values' own change log (entity "value", key "unit/period/indicator.disaggregation").
/// </summary>
public sealed class AuditLog(AppDbContext db)
{
    /// <param name="unitScope">Units whose records the reader may see; null for all (the CLI).</param>
    /// <param name="includeShared">Also records that belong to no unit (documents of outside bodies).</param>
    public async Task<List<AuditRecord>> QueryAsync(IQueryable<int>? unitScope, bool includeShared, AuditQuery q, CancellationToken ct = default)
    {
        if (q.Entity is { } e && !AuditEntities.All.Contains(e))
            throw new Domain.DomainException($"Loại '{e}' không có; dùng: {string.Join(", ", AuditEntities.All)} (unknown entity)");
        var limit = Math.Clamp(q.Limit, 1, 100_000);
        var result = new List<AuditRecord>();
        if (q.Entity is null or AuditEntities.Value) result.AddRange(await ValuesAsync(unitScope, q, limit, ct));
        if (q.Entity != AuditEntities.Value)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (q.Entity is { } entity) entries = entries.Where(a => a.Entity == entity);
            if (!q.Accounts) entries = entries.Where(a => a.Entity != AuditEntities.User && a.Entity != AuditEntities.ApiToken);
            if (q.Key is { } key) entries = entries.Where(a => a.EntityKey == key);
            if (q.From is { } from) entries = entries.Where(a => a.ChangedAt >= from);
            if (q.To is { } to) entries = entries.Where(a => a.ChangedAt < to);
            if (unitScope is not null)
                entries = entries.Where(a => a.OrgUnitId == null ? includeShared : unitScope.Contains(a.OrgUnitId.Value));
            var rows = await entries.OrderByDescending(a => a.Id).Take(limit)
                .Select(a => new { a.Entity, a.EntityKey, Unit = db.OrgUnits.Where(u => u.Id == a.OrgUnitId).Select(u => u.Code).FirstOrDefault(), a.Action, a.Changes, a.Reason, a.ChangedBy, a.ChangedAt })
                .ToListAsync(ct);
            result.AddRange(rows.Select(a => new AuditRecord(a.Entity, a.EntityKey, a.Unit, a.Action,
                ParseChanges(a.Changes), a.Reason, a.ChangedBy, a.ChangedAt)));
        }
        return result.OrderByDescending(r => r.ChangedAt).Take(limit).ToList();
    }

    /// <summary>
    /// {"field": [old, new]} as strings; a field given as one value (a file import's or export's counts)
    /// is read as what it became, so that a summary entry never breaks the whole log.
    /// </summary>
    public static Dictionary<string, string?[]> ParseChanges(string json)
    {
        var result = new Dictionary<string, string?[]>();
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
        foreach (var p in doc.RootElement.EnumerateObject())
            result[p.Name] = p.Value.ValueKind == JsonValueKind.Array
                ? p.Value.EnumerateArray().Select(Text).ToArray()
                : [null, Text(p.Value)];
        return result;

        static string? Text(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => e.GetString(),
            _ => e.GetRawText(),
        };
    }

    private async Task<IEnumerable<AuditRecord>> ValuesAsync(IQueryable<int>? unitScope, AuditQuery q, int limit, CancellationToken ct)
    {
        var changes = from c in db.DataValueChanges.AsNoTracking()
                      join u in db.OrgUnits on c.OrgUnitId equals u.Id
                      join p in db.Periods on c.PeriodId equals p.Id
                      join i in db.Indicators on c.IndicatorId equals i.Id
                      join d in db.Disaggregations on c.DisaggregationId equals d.Id
                      select new { c, Unit = u.Code, Period = p.Code, Indicator = i.Code, Dis = d.Code };
        if (q.Key is { } key)
        {
            var parts = key.Split('/');
            var dot = parts.Length == 3 ? parts[2].LastIndexOf('.') : -1;
            if (dot < 0) return [];
            var (unit, period, indicator, dis) = (parts[0], parts[1], parts[2][..dot], parts[2][(dot + 1)..]);
            changes = changes.Where(x => x.Unit == unit && x.Period == period && x.Indicator == indicator && x.Dis == dis);
        }
        if (q.From is { } from) changes = changes.Where(x => x.c.ChangedAt >= from);
        if (q.To is { } to) changes = changes.Where(x => x.c.ChangedAt < to);
        if (unitScope is not null) changes = changes.Where(x => unitScope.Contains(x.c.OrgUnitId));
        var rows = await changes.OrderByDescending(x => x.c.Id).Take(limit).ToListAsync(ct);
        return rows.Select(x =>
        {
            var fields = new Dictionary<string, string?[]>();
            if (x.c.OldValue != x.c.NewValue)
                fields["Value"] = [x.c.OldValue is { } o ? Decimals.Invariant(o) : null, x.c.NewValue is { } n ? Decimals.Invariant(n) : null];
            if (x.c.OldComment != x.c.NewComment) fields["Comment"] = [x.c.OldComment, x.c.NewComment];
            return new AuditRecord(AuditEntities.Value, $"{x.Unit}/{x.Period}/{x.Indicator}.{x.Dis}", x.Unit, x.c.Action, fields, x.c.Reason, x.c.ChangedBy, x.c.ChangedAt);
        });
    }

    /// <summary>CSV, one line per changed field, dates in Vietnam time (dd/MM/yyyy HH:mm:ss), text neutralised for spreadsheets.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<AuditRecord> records)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in new[] { "entity", "key", "unit", "action", "field", "old", "new", "reason", "changedBy", "changedAt" }) csv.WriteField(h);
        csv.NextRecord();
        foreach (var r in records)
        {
            var fields = r.Changes.Count > 0 ? r.Changes : new Dictionary<string, string?[]> { [""] = [null, null] };
            foreach (var (field, values) in fields)
            {
                foreach (var text in new[] { r.Entity, r.Key, r.Unit, r.Action, field, values.ElementAtOrDefault(0), values.ElementAtOrDefault(1), r.Reason, r.ChangedBy })
                    csv.WriteField(CsvSafe.Neutralise(text));
                csv.WriteField(Gnbv.Domain.Time.VietnamClock.ToVietnamTime(r.ChangedAt).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
    }
}
