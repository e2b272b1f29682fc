using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>What an officer types on the census form for one household and one round.</summary>
public sealed record CensusInput(long? Income, int? ScoreA, IReadOnlyList<string>? Deprived, bool ExpectedEscape = false, string? SupportPlan = null);

public sealed record CensusSaved(CensusEntry Entry, Classification Classification, bool Created);

/// <summary>
/// Records one household's census result typed by hand (the page's form, the API, the CLI): classifies
/// it under the standard of the year, inserts or replaces the household's entry of that year, and
/// republishes the registry figures that depend on it, in one transaction, so the published poverty
/// counts never disagree with the registry.
/// </summary>
public static class CensusEditor
{
    public static async Task<CensusSaved> SaveAsync(AppDbContext db, Actor actor, long householdId, int year, CensusInput input,
        string? reason = null, CancellationToken ct = default)
    {
        var household = await db.Households.Include(h => h.OrgUnit).Include(h => h.Members)
            .FirstOrDefaultAsync(h => h.Id == householdId, ct)
            ?? throw new DomainException($"Không có hộ {householdId} (unknown household)");
        if (!actor.CanWrite(household.OrgUnit!))
            throw new UnauthorizedAccessException($"{actor.Name} không được ghi kết quả rà soát của {household.OrgUnit!.Name} (forbidden)");
        if (input.SupportPlan is { Length: > 1000 }) throw new DomainException("Kế hoạch hỗ trợ dài quá 1000 ký tự (support plan too long)");

        var standard = await Standards.ForYearAsync(db, year, ct);
        var classification = PovertyClassifier.Classify(standard, household.Area, input.Income, input.ScoreA, input.Deprived);
        var mask = 0;
        foreach (var ind in standard.Indicators.Where(i => classification.Deprived.Contains(i.Code))) mask |= ind.Bit;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.CensusEntries.FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Year == year, ct);
        var created = entry is null;
        var before = entry is null ? null : new { entry.Status, entry.Income, entry.ScoreA, entry.DeprivedMask, entry.ExpectedEscape };
        entry ??= db.CensusEntries.Add(new CensusEntry { HouseholdId = householdId, Year = year }).Entity;
        entry.ProvinceCode = household.ProvinceCode;
        entry.PovertyStandardId = standard.Id;
        entry.Income = input.Income;
        entry.ScoreA = input.ScoreA;
        entry.DeprivedMask = mask;
        entry.ScoreB = classification.ScoreB;
        entry.Status = classification.Status;
        entry.MemberCount = household.Members.Count;
        entry.ExpectedEscape = input.ExpectedEscape;
        entry.SupportPlan = string.IsNullOrWhiteSpace(input.SupportPlan) ? null : input.SupportPlan.Trim();
        household.UpdatedAt = DateTime.UtcNow;

        // A household's status is personal data that moves the published figures: who changed it is kept.
        db.AuditEntries.Add(new AuditEntry
        {
            Entity = AuditEntities.HouseholdCensus,
            EntityKey = $"{household.OrgUnit!.Code}/{household.Code}/{year}",
            OrgUnitId = household.OrgUnitId,
            Action = created ? "insert" : "update",
            Changes = JsonSerializer.Serialize(new
            {
                status = new[] { before is null ? null : HouseholdStatuses.Code(before.Status), classification.StatusCode },
                income = new[] { before?.Income, input.Income },
                scoreA = new[] { before?.ScoreA, input.ScoreA },
                deprivedMask = new[] { before?.DeprivedMask, mask },
                expectedEscape = new[] { before?.ExpectedEscape, input.ExpectedEscape },
            }),
            Reason = reason,
            ChangedBy = actor.Name,
            ChangedAt = DateTime.UtcNow,
        });
        if (actor != Actor.System) db.Actor = actor.Name;
        db.Reason = reason;
        await db.SaveChangesAsync(ct);

        await RegistryPublisher.PublishChangedAsync(db, [year], ct);
        await tx.CommitAsync(ct);
        return new CensusSaved(entry, classification, created);
    }
}
