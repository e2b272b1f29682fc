using Gnbv.Data.Database;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Units;

/// <summary>Which units' data rolls up into a unit: its subtree, plus units merged into it (and their subtrees).</summary>
public sealed class UnitTree(AppDbContext db)
{
    public async Task<HashSet<int>> RollupUnitIdsAsync(OrgUnit unit, CancellationToken ct = default)
    {
        var all = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Path, u.SuccessorId }).ToListAsync(ct);
        var ids = new HashSet<int>();
        var roots = new Queue<string>();
        roots.Enqueue(unit.Path);
        var seenRoots = new HashSet<string>(StringComparer.Ordinal);
        while (roots.Count > 0)
        {
            var path = roots.Dequeue();
            if (!seenRoots.Add(path)) continue;
            foreach (var u in all.Where(u => u.Path.StartsWith(path, StringComparison.Ordinal))) ids.Add(u.Id);
            // Units merged into anything found so far bring their own subtree.
            foreach (var pred in all.Where(u => u.SuccessorId is { } s && ids.Contains(s) && !ids.Contains(u.Id)))
                roots.Enqueue(pred.Path);
        }
        return ids;
    }
}
