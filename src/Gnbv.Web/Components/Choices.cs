using Gnbv.Data.Catalogue;
using Gnbv.Data.Database;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Components;

/// <summary>Option lists for the editors' select boxes.</summary>
public static class Choices
{
    public static async Task<List<(string, string)>> ProgramItemsAsync(AppDbContext db) =>
        CatalogueOrder.Sort(await db.ProgramItems.AsNoTracking().ToListAsync())
            .Select(i => (i.Code, $"{i.Code} {Shorten(i.Name)}")).ToList();

    public static async Task<List<(string, string)>> SourcesAsync(AppDbContext db) =>
        (await db.FundingSources.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync()).Select(s => (s.Code, s.Name)).ToList();

    public static async Task<List<(string, string)>> IndicatorsAsync(AppDbContext db) =>
        (await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync()).Select(i => (i.Code, $"{i.Code} {Shorten(i.Name)}")).ToList();

    public static List<(string, string)> Units(IEnumerable<OrgUnit> units) =>
        units.Select(u => (u.Code, $"{UnitKinds.VietnameseName(u.Kind)} {u.Name} ({u.Code})")).ToList();

    public static List<(string, string)> Of(params string[] codes) => codes.Select(c => (c, c)).ToList();

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
