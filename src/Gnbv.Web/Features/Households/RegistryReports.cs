using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Domain.Households;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Households;

/// <summary>One line of the transitions table: poor at the start + entered − exited = poor at the end.</summary>
public sealed record TransitionRow(string Unit, string Name, long Households, long PoorStart, long Entered, long NewlyPoor, long FellBack,
    long Exited, long Escaped, long LeftRegistry, long PoorEnd, long NearPoorStart, long NearPoorEnd, long NearPoorToPoor, long PoorToNearPoor, decimal PoorRate)
{
    public static TransitionRow From(OrgUnit unit, RegistryCounts c) => new(unit.Code, unit.Name, c.Total(0), c.PoorBefore, c.EnteredPoor, c.NewlyPoor, c.FellBack,
        c.ExitedPoor, c.Escaped, c.LeftRegistryPoor, c.PoorAfter, c.NearPoorBefore, c.NearPoorAfter, c.NearPoorToPoor, c.PoorToNearPoor,
        RegistryCounts.Rate(c.PoorAfter, c.Total(0)));
}

public sealed record TransitionsDto(string Unit, string Name, int Year, List<TransitionRow> Rows, TransitionRow? Total);

public sealed record ExpectedEscapeItem(long Id, string Code, string Commune, string Village, string HeadName, string StatusBefore, string? SupportPlan,
    string? StatusNow, bool Synthetic);

public sealed record ExpectedEscapeDto(string Unit, int Year, int ListYear, int Escaped, List<ExpectedEscapeItem> Households);

/// <summary>The registry's movements for a unit: per commune and in total, and the list of households expected to escape.</summary>
public static class RegistryReports
{
    public static async Task<TransitionsDto> TransitionsAsync(RegistryFigures figures, OrgUnit unit, int year, CancellationToken ct = default)
    {
        var communes = await figures.CommunesUnderAsync(unit, year, ct);
        var rows = communes.Select(c => TransitionRow.From(c.Commune, c.Counts)).ToList();
        var total = RegistryFigures.Sum(communes.Select(c => c.Counts));
        return new TransitionsDto(unit.Code, unit.Name, year, rows, total is null ? null : TransitionRow.From(unit, total));
    }

    /// <summary>Households the round of year − 1 put on the list to escape poverty, with their plan and, once known, their status in the year.</summary>
    public static async Task<ExpectedEscapeDto> ExpectedEscapeAsync(AppDbContext db, OrgUnit unit, int year, CancellationToken ct = default)
    {
        var rows = await db.CensusEntries.AsNoTracking()
            .Where(c => c.Year == year - 1 && c.ExpectedEscape && c.Household!.OrgUnit!.Path.StartsWith(unit.Path))
            .OrderBy(c => c.Household!.OrgUnit!.Code).ThenBy(c => c.Household!.Code)
            .Select(c => new
            {
                c.HouseholdId,
                c.Household!.Code,
                Commune = c.Household.OrgUnit!.Name,
                c.Household.Village,
                c.Household.HeadName,
                c.Status,
                c.SupportPlan,
                c.Household.Synthetic,
                Now = db.CensusEntries.Where(n => n.HouseholdId == c.HouseholdId && n.Year == year).Select(n => (HouseholdStatus?)n.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new ExpectedEscapeItem(r.HouseholdId, r.Code, r.Commune, r.Village, r.HeadName, HouseholdStatuses.Code(r.Status),
            r.SupportPlan, r.Now is { } n ? HouseholdStatuses.Code(n) : null, r.Synthetic)).ToList();
        var escaped = rows.Count(r => r.Status == HouseholdStatus.Poor && r.Now is { } n && n != HouseholdStatus.Poor);
        return new ExpectedEscapeDto(unit.Code, year, year - 1, escaped, items);
    }
}
