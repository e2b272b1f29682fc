using Gnbv.Domain.Catalogue;

namespace Gnbv.Data.Imports;

/// <summary>Upserts program catalogue items (program > project > sub-project > content) by code.</summary>
internal static class CatalogueImport
{
    public const string Section = "catalogue";

    public static async Task ApplyAsync(ImportContext ctx, List<CatalogueRow> rows, CancellationToken ct)
    {
        var items = await ctx.ItemsAsync(ct);
        var counts = ctx.Result.For(Section);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var pending = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var code = ctx.Required("code", row.Code);
            ctx.Required("name", row.Name);
            var kind = ctx.Enum("kind", row.Kind, ProgramItemKind.Project);
            if (kind != ProgramItemKind.Program && string.IsNullOrWhiteSpace(row.Parent))
                ctx.Error("parent", "chỉ chương trình mới không có cấp trên (only a program has no parent)");
            if (code is not null && kind is not null && !ctx.Duplicate(seen, code, "code")) pending.Add(i);
        }

        var placed = true;
        while (pending.Count > 0 && placed)
        {
            placed = false;
            foreach (var i in pending.ToList())
            {
                var row = rows[i];
                ProgramItem? parent = null;
                if (!string.IsNullOrWhiteSpace(row.Parent) && !items.TryGetValue(row.Parent.Trim(), out parent)) continue;
                pending.Remove(i);
                placed = true;
                var code = row.Code!.Trim();
                if (!items.TryGetValue(code, out var item))
                {
                    item = new ProgramItem { Code = code, Name = "" };
                    ctx.Db.ProgramItems.Add(item);
                    items[code] = item;
                    counts.Created++;
                }
                else
                {
                    counts.Updated++;
                }
                item.Name = row.Name!.Trim();
                item.Kind = ImportContext.ParseEnum(row.Kind, ProgramItemKind.Project);
                item.Parent = parent;
                item.ProgramCode = parent?.ProgramCode ?? code;
                item.Phase = row.Phase ?? parent?.Phase;
                item.Decision = row.Decision ?? parent?.Decision;
                item.SortOrder = row.Order ?? i;
            }
        }
        foreach (var i in pending)
        {
            ctx.At(Section, i, rows[i]);
            ctx.Error("parent", $"không có mục cấp trên mã '{rows[i].Parent}' (unknown parent item)");
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
