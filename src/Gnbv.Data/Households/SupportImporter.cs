using System.Globalization;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Households;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

public sealed record SupportImportResult(int Rows, int Created, int Updated, int FiguresWritten);

/// <summary>
/// Imports a list of support received (one row per support to a household or a member): the
/// household by commune and code, the member by citizen ID, the kind, sub-project, funding source,
/// amount, quantity and date. A row with the same household, member, kind, date, sub-project and
/// source as one already stored updates it. All or nothing; then the support figures of the months
/// touched are recomputed for the communes touched.
/// </summary>
public sealed class SupportImporter(AppDbContext db, TimeProvider clock, RegistryUnits registryUnits, SupportPublisher publisher)
{
    sealed class CommuneCache
    {
        public Dictionary<string, long> Households { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, (long Member, long Household)> Members { get; } = [];
        public Dictionary<(long, long?, string, DateOnly, int?, int?), SupportRecord> Records { get; } = [];
    }

    public async Task<SupportImportResult> ImportAsync(Stream file, string fileName, Actor actor, bool dryRun = false, string? reason = null, CancellationToken ct = default)
    {
        if (!actor.CanWriteData)
            throw new ImportForbiddenException([new ImportError("support", 0, null, "*", $"{actor.Name} chỉ được xem, không được ghi (read-only role)", true)]);
        var units = await registryUnits.ByCodeAsync(ct);
        var items = await db.ProgramItems.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, ct);
        var sources = await db.FundingSources.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        void Error(int line, string field, string message, bool forbidden = false)
        {
            if (errors.Count < HouseholdRowParser.MaxErrors) errors.Add(new ImportError("support", 0, line, field, message, forbidden));
        }

        var caches = new Dictionary<int, CommuneCache>();
        var touched = new HashSet<(int Commune, int Year, int Month)>();
        int rows = 0, created = 0, updated = 0;
        var today = clock.VietnamToday();
        if (actor != Actor.System) db.Actor = actor.Name;
        db.Reason = reason;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in HouseholdFileReader.Read(file, fileName, ["household_code", "commune", "kind", "date"], SupportColumns.KeyOf))
        {
            rows++;
            OrgUnit? commune = null;
            if (row["commune"] is not { } code) Error(row.Line, "commune", "thiếu mã xã (required)");
            else if (!units.TryGetValue(code, out commune)) Error(row.Line, "commune", $"không có xã mã '{code}' (unknown unit)");
            else if (!actor.CanWrite(commune)) { Error(row.Line, "commune", $"{actor.Name} không được ghi dữ liệu của {commune.Name} (outside your unit)", true); commune = null; }
            CommuneCache? cache = null;
            if (commune is not null && !caches.TryGetValue(commune.Id, out cache))
            {
                cache = caches[commune.Id] = new CommuneCache();
                foreach (var h in await db.Households.AsNoTracking().Where(h => h.OrgUnitId == commune.Id).Select(h => new { h.Id, h.Code }).ToListAsync(ct))
                    cache.Households[h.Code] = h.Id;
                foreach (var m in await db.HouseholdMembers.AsNoTracking().Where(m => m.CitizenId != null && db.Households.Any(h => h.Id == m.HouseholdId && h.OrgUnitId == commune.Id))
                             .Select(m => new { m.Id, m.HouseholdId, m.CitizenId }).ToListAsync(ct))
                    cache.Members[m.CitizenId!] = (m.Id, m.HouseholdId);
                foreach (var r in await db.SupportRecords.Where(r => db.Households.Any(h => h.Id == r.HouseholdId && h.OrgUnitId == commune.Id)).ToListAsync(ct))
                    cache.Records[(r.HouseholdId, r.MemberId, r.Kind, r.Date, r.ProgramItemId, r.FundingSourceId)] = r;
            }
            long? household = null;
            if (row["household_code"] is not { } hc) Error(row.Line, "household_code", "thiếu mã hộ (required)");
            else if (cache is not null)
            {
                if (cache.Households.TryGetValue(hc, out var hid)) household = hid;
                else Error(row.Line, "household_code", $"không có hộ mã '{hc}' ở {commune!.Name}; nhập danh sách hộ trước (unknown household)");
            }
            long? member = null;
            if (row["citizen_id"] is { } cid && cache is not null && household is not null)
            {
                if (cache.Members.TryGetValue(cid, out var m) && m.Household == household) member = m.Member;
                else Error(row.Line, "citizen_id", $"số CCCD {HouseholdRowParser.Mask(cid)} không phải thành viên của hộ {row["household_code"]} (not a member of this household)");
            }
            var kind = row["kind"] is { } k ? SupportKinds.All.FirstOrDefault(x => x.Code == HouseholdColumns.Normalize(k).Replace('_', '-') || HouseholdColumns.Normalize(x.Name) == HouseholdColumns.Normalize(k))?.Code : null;
            if (kind is null) Error(row.Line, "kind", $"loại hỗ trợ '{row["kind"]}' không có; dùng: {string.Join(", ", SupportKinds.All.Select(x => x.Code))} (unknown kind)");
            int? item = null, source = null;
            if (row["program_item"] is { } pi && !items.TryGetValue(pi, out var iid)) Error(row.Line, "program_item", $"không có dự án, tiểu dự án mã '{pi}' (unknown program item)");
            else if (row["program_item"] is { } pi2) item = items[pi2];
            if (row["funding_source"] is { } fs && !sources.TryGetValue(fs, out _)) Error(row.Line, "funding_source", $"không có nguồn vốn mã '{fs}' (unknown funding source)");
            else if (row["funding_source"] is { } fs2) source = sources[fs2];
            long? amount = null;
            if (row["amount"] is { } a)
            {
                amount = VietnameseNumber.ParseWhole(a, out var error);
                if (amount is null) Error(row.Line, "amount", $"số tiền (đồng): {error}");
            }
            decimal? quantity = null;
            if (row["quantity"] is { } q)
            {
                // "1,5" is one and a half; "1.5" was read as 15 when dots were stripped: now refused as not Vietnamese notation.
                if (VietnameseNumber.TryParse(q, NumberRules.FileDecimal, out var v, out var error)) quantity = v;
                else Error(row.Line, "quantity", error);
            }
            DateOnly date = default;
            if (row["date"] is not { } d || !DateOnly.TryParseExact(d, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                Error(row.Line, "date", $"'{row["date"]}' không phải ngày dd/MM/yyyy (not a date)");
            else if (date > today) Error(row.Line, "date", $"ngày {d} ở tương lai (date in the future)");
            var note = row["note"];
            if (note is { Length: > 1000 }) Error(row.Line, "note", "dài quá 1000 ký tự (too long)");
            if (errors.Count > 0 || household is null || kind is null) continue;

            var key = (household.Value, member, kind, date, item, source);
            if (cache!.Records.TryGetValue(key, out var existing))
            {
                if (existing.Amount != amount || existing.Quantity != quantity || existing.Note != note) updated++;
                existing.Amount = amount;
                existing.Quantity = quantity;
                existing.Note = note;
            }
            else
            {
                // The commune's province is its households' (ADR 008: the registry's rows carry it).
                var record = new SupportRecord { HouseholdId = household.Value, ProvinceCode = commune!.ProvinceCode, MemberId = member, Kind = kind, ProgramItemId = item, FundingSourceId = source, Amount = amount, Quantity = quantity, Date = date, Note = note };
                db.SupportRecords.Add(record);
                cache.Records[key] = record;
                created++;
            }
            touched.Add((commune!.Id, date.Year, date.Month));
            if ((created + updated) % 2000 == 0) await db.SaveChangesAsync(ct);
        }
        if (errors.Any(e => e.Forbidden)) throw new ImportForbiddenException(errors.Where(e => e.Forbidden).ToList());
        if (errors.Count > 0) throw new ImportFailedException(errors);
        if (rows == 0) throw HouseholdFileReader.Fail(2, "file", "tệp không có dòng dữ liệu nào (no data rows)");
        await db.SaveChangesAsync(ct);
        var figures = await publisher.PublishAsync(touched, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            Entity = AuditEntities.HouseholdImport,
            EntityKey = Path.GetFileName(fileName),
            Action = "insert",
            Changes = JsonSerializer.Serialize(new { support = rows, created, updated }),
            Reason = reason,
            ChangedBy = actor.Name,
            ChangedAt = clock.UtcNow(),
            OrgUnitId = actor.UnitId,
        });
        await db.SaveChangesAsync(ct);
        FailPoints.Hit(FailPoints.SupportBeforeCommit);
        if (dryRun) await tx.RollbackAsync(ct);
        else await tx.CommitAsync(ct);
        return new SupportImportResult(rows, created, updated, figures);
    }
}
