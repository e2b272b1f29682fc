using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts administrative units by code. Parents may come later in the file; successors are linked last.</summary>
internal static class OrgUnitImport
{
    public const string Section = "orgUnits";

    public static async Task ApplyAsync(ImportContext ctx, List<OrgUnitRow> rows, CancellationToken ct)
    {
        var units = await ctx.UnitsAsync(ct);
        var counts = ctx.Result.For(Section);
        var pending = new List<(int Index, OrgUnitRow Row)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var code = ctx.Required("code", row.Code);
            ctx.Required("name", row.Name);
            if (!UnitKinds.TryParse(row.Kind, out _))
                ctx.Error("kind", $"'{row.Kind}' không hợp lệ; dùng một trong: {string.Join(", ", UnitKinds.Codes)} (invalid unit kind)");
            var from = ctx.Date("validFrom", row.ValidFrom, required: false);
            var to = ctx.Date("validTo", row.ValidTo, required: false);
            if (from is not null && to is not null && to < from) ctx.Error("validTo", "ngày hết hiệu lực trước ngày có hiệu lực (validTo before validFrom)");
            if (code is not null && !ctx.Duplicate(seen, code, "code")) pending.Add((i, row));
        }

        // Parents first: each pass places the rows whose parent is known; what stays has no parent.
        var placed = true;
        while (pending.Count > 0 && placed)
        {
            placed = false;
            foreach (var (index, row) in pending.ToList())
            {
                var parentCode = row.Parent?.Trim();
                OrgUnit? parent = null;
                if (!string.IsNullOrEmpty(parentCode) && !units.TryGetValue(parentCode, out parent)) continue;
                pending.Remove((index, row));
                placed = true;
                Upsert(ctx, units, row, parent, counts);
            }
        }
        foreach (var (index, row) in pending)
        {
            ctx.At(Section, index, row);
            ctx.Error("parent", $"không có đơn vị cấp trên mã '{row.Parent}' (unknown parent unit)");
        }
        var moved = units.Values.Where(u => u.Id != 0 && ctx.Db.Entry(u).Property(x => x.ProvinceCode).OriginalValue != u.ProvinceCode).ToList();
        await ctx.Db.SaveChangesAsync(ct);
        if (moved.Count > 0) await Households.RegistryProvinces.FollowAsync(ctx.Db, moved, ct);

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            if (row.Code is null || !units.TryGetValue(row.Code.Trim(), out var unit)) continue;
            if (string.IsNullOrWhiteSpace(row.Successor))
            {
                unit.SuccessorId = null;
                continue;
            }
            if (!units.TryGetValue(row.Successor.Trim(), out var successor))
                ctx.Error("successor", $"không có đơn vị kế thừa mã '{row.Successor}' (unknown successor unit)");
            else if (successor.Id == unit.Id)
                ctx.Error("successor", "một đơn vị không thể kế thừa chính nó (a unit cannot succeed itself)");
            else
                unit.SuccessorId = successor.Id;
        }
    }

    private static void Upsert(ImportContext ctx, Dictionary<string, OrgUnit> units, OrgUnitRow row, OrgUnit? parent, SectionCounts counts)
    {
        var code = row.Code!.Trim();
        UnitKinds.TryParse(row.Kind, out var kind);
        var path = OrgUnit.PathOf(parent, code);
        if (!units.TryGetValue(code, out var unit))
        {
            unit = new OrgUnit { Code = code, Name = row.Name?.Trim() ?? "" };
            ctx.Db.OrgUnits.Add(unit);
            units[code] = unit;
            counts.Created++;
        }
        else
        {
            counts.Updated++;
        }
        var oldPath = unit.Path;
        unit.Name = row.Name?.Trim() ?? unit.Name;
        unit.OfficialCode = string.IsNullOrWhiteSpace(row.OfficialCode) ? code : row.OfficialCode.Trim();
        unit.Kind = kind;
        unit.Parent = parent;
        unit.Path = path;
        unit.Level = path.Count(c => c == '/') - 2;
        unit.ProvinceCode = kind == UnitKind.Province ? code : parent?.ProvinceCode;
        // The first pass has reported a bad date already: read here without a second, identical error.
        unit.ValidFrom = DateOrNull(row.ValidFrom);
        unit.ValidTo = DateOrNull(row.ValidTo);

        // A unit that moved takes its subtree with it.
        if (oldPath != "/" && oldPath != path)
        {
            foreach (var child in units.Values.Where(u => u != unit && u.Path.StartsWith(oldPath, StringComparison.Ordinal)))
            {
                child.Path = path + child.Path[oldPath.Length..];
                child.Level = child.Path.Count(c => c == '/') - 2;
                child.ProvinceCode = kind == UnitKind.Province ? code : unit.ProvinceCode;
            }
        }
    }

    private static DateOnly? DateOrNull(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
