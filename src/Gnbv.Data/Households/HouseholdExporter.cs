using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Households;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>
/// Writes a unit's household list in the import layout (one row per member, the census result of
/// the year on each household's rows), so that a commune can correct it and import it again. Every
/// export is logged before the first byte leaves (who, when, unit, year, rows), as Decree 13/2023/NĐ-CP
/// asks of personal data; citizen IDs go out in full only to those who may write the unit's data.
/// </summary>
public sealed class HouseholdExporter(AppDbContext db, TimeProvider clock)
{
    public sealed record Plan(OrgUnit Unit, int? Year, bool FullCitizenIds, long Households, long Rows);

    public async Task<Plan> LogAsync(Actor actor, OrgUnit unit, int? year, CancellationToken ct = default)
    {
        var households = Scope(unit);
        var count = await households.CountAsync(ct);
        var rows = await db.HouseholdMembers.CountAsync(m => households.Select(h => h.Id).Contains(m.HouseholdId), ct);
        var full = actor.CanWrite(unit);
        db.AuditEntries.Add(new AuditEntry
        {
            Entity = AuditEntities.HouseholdExport,
            EntityKey = year is { } y ? $"{unit.Code}/{y.ToString(CultureInfo.InvariantCulture)}" : unit.Code,
            OrgUnitId = unit.Id,
            Action = "export",
            Changes = JsonSerializer.Serialize(new { households = count, rows, year, citizenIds = full ? "full" : "masked" }),
            ChangedBy = actor.Name,
            ChangedAt = clock.UtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return new Plan(unit, year, full, count, rows);
    }

    public async Task<long> WriteCsvAsync(Plan plan, TextWriter output, CancellationToken ct = default)
    {
        var standards = await db.PovertyStandards.AsNoTracking().Include(s => s.Indicators).ToDictionaryAsync(s => s.Id, ct);
        var index = HouseholdColumns.All.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var cells = new string[HouseholdColumns.All.Count];
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in HouseholdColumns.All) csv.WriteField(c.Header);
        await csv.NextRecordAsync();
        long rows = 0;
        long lastId = 0;
        while (true)
        {
            // Keyset pages keep memory flat for a province-sized list.
            var page = await Scope(plan.Unit).AsNoTracking()
                .Where(h => h.Id > lastId).OrderBy(h => h.Id).Take(500)
                .Select(h => new
                {
                    h.Id,
                    h.Code,
                    Commune = h.OrgUnit!.Code,
                    h.Village,
                    h.Area,
                    h.Ethnicity,
                    h.PolicyGroups,
                    h.PovertyCauses,
                    h.Synthetic,
                    Entry = h.Census.Where(c => plan.Year == null || c.Year == plan.Year).OrderByDescending(c => c.Year).FirstOrDefault(),
                    Members = h.Members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Id)
                        .Select(m => new { m.Name, m.BirthYear, m.Sex, m.Relation, m.CitizenId }).ToList(),
                })
                .ToListAsync(ct);
            if (page.Count == 0) break;
            lastId = page[^1].Id;
            foreach (var h in page)
            {
                Array.Fill(cells, "");
                cells[index["household_code"]] = h.Code;
                cells[index["commune"]] = h.Commune;
                cells[index["village"]] = h.Village;
                cells[index["area"]] = h.Area == Area.Urban ? "Thành thị" : "Nông thôn";
                cells[index["ethnicity"]] = h.Ethnicity;
                cells[index["policy_groups"]] = h.PolicyGroups.Replace(',', ';');
                cells[index["poverty_causes"]] = h.PovertyCauses.Replace(',', ';');
                cells[index["synthetic"]] = h.Synthetic ? "x" : "";
                if (h.Entry is { } e)
                {
                    cells[index["census_year"]] = e.Year.ToString(CultureInfo.InvariantCulture);
                    cells[index["income"]] = e.Income?.ToString(CultureInfo.InvariantCulture) ?? "";
                    cells[index["score_a"]] = e.ScoreA?.ToString(CultureInfo.InvariantCulture) ?? "";
                    if (standards.TryGetValue(e.PovertyStandardId, out var s))
                        foreach (var ind in s.Indicators)
                            if (ind.IsSetIn(e.DeprivedMask) && index.TryGetValue(ind.Code, out var col)) cells[col] = "x";
                    cells[index["status"]] = HouseholdStatuses.VietnameseName(e.Status);
                    cells[index["expected_escape"]] = e.ExpectedEscape ? "x" : "";
                    cells[index["support_plan"]] = e.SupportPlan ?? "";
                }
                foreach (var m in h.Members)
                {
                    cells[index["name"]] = m.Name;
                    cells[index["birth_year"]] = m.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "";
                    cells[index["sex"]] = m.Sex switch { Sex.Male => "Nam", Sex.Female => "Nữ", _ => "" };
                    cells[index["relation"]] = m.Relation;
                    cells[index["citizen_id"]] = plan.FullCitizenIds ? m.CitizenId ?? "" : HouseholdRowParser.Mask(m.CitizenId);
                    foreach (var c in cells) csv.WriteField(CsvSafe.Neutralise(c));
                    await csv.NextRecordAsync();
                    rows++;
                }
            }
            await csv.FlushAsync();
        }
        return rows;
    }

    IQueryable<Household> Scope(OrgUnit unit) =>
        db.Households.Where(h => h.OrgUnit!.Path.StartsWith(unit.Path));
}
