using System.Globalization;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Documents;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Units;
using Gnbv.Domain.Workflow;
using Gnbv.Domain.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gnbv.Data.Audit;

/// <summary>
/// Turns the tracked changes of audited records into <see cref="AuditEntry"/> rows, added to the
/// same SaveChanges: the entry and the change commit or fail together.
/// </summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> Skipped = ["Id", "UpdatedBy", "UpdatedAt"];

    public static void Record(AppDbContext db, DateTime now)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is CapitalAllocation or Disbursement or Work or DirectiveDocument or ReportSection or ReportTemplate or Submission)
            .ToList();
        if (entries.Count == 0) return;
        var codes = new Codes(db);
        foreach (var entry in entries)
        {
            var action = entry.State switch { EntityState.Added => "insert", EntityState.Deleted => "delete", _ => "update" };
            var changes = Changes(entry);
            if (changes is null) continue;
            var (entity, key, unitId) = entry.Entity switch
            {
                CapitalAllocation a => (AuditEntities.Allocation,
                    $"{codes.Unit(a.OrgUnitId, a.OrgUnit)}/{codes.Item(a.ProgramItemId, a.ProgramItem)}/{codes.Source(a.FundingSourceId, a.FundingSource)}/{a.Year}"
                    + (a.CarriedOverFromYear is { } y ? $"/chuyển nguồn {y}" : ""), (int?)a.OrgUnitId),
                Disbursement d => (AuditEntities.Disbursement,
                    $"{codes.Unit(d.OrgUnitId, d.OrgUnit)}/{codes.Item(d.ProgramItemId, d.ProgramItem)}/{codes.Source(d.FundingSourceId, d.FundingSource)}/{codes.Period(d.PeriodId, d.Period)}", d.OrgUnitId),
                Work w => (AuditEntities.Work, w.Code, w.OrgUnitId),
                DirectiveDocument doc => (AuditEntities.Document, doc.Number, doc.IssuerUnitId),
                ReportSection s => (AuditEntities.ReportSection, $"{codes.Unit(s.OrgUnitId, s.OrgUnit)}/{codes.Period(s.PeriodId, s.Period)}/{s.SectionCode}", s.OrgUnitId),
                ReportTemplate t => (AuditEntities.ReportTemplate, codes.Unit(t.OrgUnitId, t.OrgUnit), t.OrgUnitId),
                Submission s => (AuditEntities.Submission, $"{codes.Unit(s.OrgUnitId, s.OrgUnit)}/{codes.Period(s.PeriodId, s.Period)}/{s.DataSet}", s.OrgUnitId),
                _ => throw new InvalidOperationException(),
            };
            db.AuditEntries.Add(new AuditEntry
            {
                Entity = entity,
                EntityKey = key.Length > 400 ? key[..400] : key,
                OrgUnitId = unitId,
                Action = action,
                Changes = changes,
                Reason = entry.Entity is Submission sub ? sub.Events.LastOrDefault(e => e.Id == 0)?.Reason ?? db.Reason : db.Reason,
                ChangedBy = string.IsNullOrEmpty(db.Actor) ? "system" : db.Actor,
                ChangedAt = now,
            });
        }
    }

    /// <summary>{"Field": [old, new]} for the fields that differ; null when nothing changed.</summary>
    private static string? Changes(EntityEntry entry)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            var any = false;
            foreach (var p in entry.Properties)
            {
                if (Skipped.Contains(p.Metadata.Name) || p.Metadata.IsShadowProperty()) continue;
                // On insert and delete the key already names the unit, item, source and period the ids point to.
                if (entry.State != EntityState.Modified && p.Metadata.IsForeignKey()) continue;
                var oldValue = entry.State == EntityState.Added ? null : Text(p.OriginalValue);
                var newValue = entry.State == EntityState.Deleted ? null : Text(p.CurrentValue);
                if (oldValue == newValue) continue;
                any = true;
                json.WriteStartArray(p.Metadata.Name);
                if (oldValue is null) json.WriteNullValue(); else json.WriteStringValue(oldValue);
                if (newValue is null) json.WriteNullValue(); else json.WriteStringValue(newValue);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            if (!any) return null;
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        decimal m => Decimals.Invariant(m),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Codes of the units, items, sources and periods that keys name, looked up once per save.</summary>
    private sealed class Codes(AppDbContext db)
    {
        private Dictionary<int, string>? units, items, sources, periods;

        public string Unit(int id, OrgUnit? nav) => nav?.Code ?? Find(ref units, () => db.OrgUnits.AsNoTracking().Select(x => new { x.Id, x.Code }).ToDictionary(x => x.Id, x => x.Code), id);
        public string Item(int id, ProgramItem? nav) => nav?.Code ?? Find(ref items, () => db.ProgramItems.AsNoTracking().Select(x => new { x.Id, x.Code }).ToDictionary(x => x.Id, x => x.Code), id);
        public string Source(int id, FundingSource? nav) => nav?.Code ?? Find(ref sources, () => db.FundingSources.AsNoTracking().Select(x => new { x.Id, x.Code }).ToDictionary(x => x.Id, x => x.Code), id);
        public string Period(int id, PeriodRow? nav) => nav?.Code ?? Find(ref periods, () => db.Periods.AsNoTracking().Select(x => new { x.Id, x.Code }).ToDictionary(x => x.Id, x => x.Code), id);

        private static string Find(ref Dictionary<int, string>? cache, Func<Dictionary<int, string>> load, int id)
        {
            cache ??= load();
            return cache.TryGetValue(id, out var code) ? code : id.ToString(CultureInfo.InvariantCulture);
        }
    }
}
