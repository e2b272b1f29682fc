using System.Text.Json;
using Gnbv.Data.Concurrency;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Households;
using Gnbv.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>What an officer types on the census form for one household and one round.</summary>
/// <param name="Version">The household's version the form or client read; when given, a household changed since is a conflict (409).</param>
public sealed record CensusInput(long? Income, int? ScoreA, IReadOnlyList<string>? Deprived, bool ExpectedEscape = false, string? SupportPlan = null,
    int? Version = null);

public sealed record CensusSaved(CensusEntry Entry, Classification Classification, bool Created, int Version);

/// <summary>
/// Records one household's census result typed by hand (the page's form, the API, the CLI): classifies
/// it under the standard of the year, inserts or replaces the household's entry of that year, and
/// republishes the registry figures that depend on it, in one transaction, so the published poverty
/// counts never disagree with the registry.
/// </summary>
public sealed class CensusEditor(AppDbContext db, TimeProvider clock, Standards standards, RegistryPublisher registry)
{
    public async Task<CensusSaved> SaveAsync(Actor actor, long householdId, int year, CensusInput input,
        string? reason = null, CancellationToken ct = default)
    {
        var household = await db.Households.Include(h => h.OrgUnit).Include(h => h.Members)
            .FirstOrDefaultAsync(h => h.Id == householdId, ct)
            ?? throw new DomainException($"Không có hộ {householdId} (unknown household)");
        if (!actor.CanWrite(household.OrgUnit!))
            throw new UnauthorizedAccessException($"{actor.Name} không được ghi kết quả rà soát của {household.OrgUnit!.Name} (forbidden)");
        CensusYears.Check(year, clock);
        if (input.SupportPlan is { Length: > 1000 }) throw new DomainException("Kế hoạch hỗ trợ dài quá 1000 ký tự (support plan too long)");
        if (input.Version is { } expected && expected != household.Version)
            throw new EditConflictException([await HouseholdConflicts.DescribeAsync(db, household, year, expected, ct)]);

        var standard = await standards.ForYearAsync(year, ct);
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
        household.UpdatedAt = clock.UtcNow();
        // The household row is updated with every census save: its version, checked in the UPDATE's
        // WHERE (concurrency token), makes two officers saving the same household at once a conflict.
        household.Version++;

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
            ChangedAt = clock.UtcNow(),
        });
        if (actor != Actor.System) db.Actor = actor.Name;
        db.Reason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
            await registry.PublishChangedAsync([year], ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is not EditConflictException && WriteRace.Lost(e))
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var now = await db.Households.AsNoTracking().Include(h => h.OrgUnit).FirstAsync(h => h.Id == householdId, CancellationToken.None);
            throw new EditConflictException([await HouseholdConflicts.DescribeAsync(db, now, year, input.Version ?? household.Version - 1, CancellationToken.None)]);
        }
        return new CensusSaved(entry, classification, created, household.Version);
    }
}
