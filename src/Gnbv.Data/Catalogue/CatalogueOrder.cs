using Gnbv.Domain.Catalogue;

namespace Gnbv.Data.Catalogue;

/// <summary>Depth-first in each parent's order: program, DA1, DA1.TDA1, DA1.TDA2, DA2...</summary>
public static class CatalogueOrder
{
    public static IEnumerable<ProgramItem> Sort(IReadOnlyCollection<ProgramItem> items)
    {
        var byParent = items.ToLookup(i => i.ParentId);
        var ids = items.Select(i => i.Id).ToHashSet();
        IEnumerable<ProgramItem> Walk(ProgramItem item) =>
            new[] { item }.Concat(byParent[item.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).SelectMany(Walk));
        return items.Where(i => i.ParentId is null || !ids.Contains(i.ParentId.Value))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal)
            .SelectMany(Walk);
    }
}
