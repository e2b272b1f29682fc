using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gnbv.Data.Backup;

/// <summary>A column as the backup sees it: how its values are read, converted and written.</summary>
public sealed record BackupColumn(string Name, string StoreType, bool IsNullable, Type ModelType, RelationalTypeMapping Mapping)
{
    /// <summary>The type the values are written as in the archive (enums by their own name).</summary>
    public string TypeName => ModelType.IsEnum ? "enum:" + ModelType.Name : ModelType.Name;

    public Type ProviderType => Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
}

/// <param name="SelfReferences">Columns that point at another row of the same table (a unit's parent or successor).</param>
public sealed record BackupTable(string Name, string? Schema, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<BackupColumn> Key,
    IReadOnlyList<BackupColumn> SelfReferences)
{
    public string FileName => "tables/" + Name + ".jsonl";
}

/// <summary>
/// Every table of the EF model (the Identity tables included, the migrations history not), with its
/// columns, in foreign-key order: a table comes after every table it references, so rows can be
/// inserted in this order and deleted in the reverse one. New tables and columns are covered
/// without touching the backup.
/// </summary>
public static class BackupSchema
{
    public static IReadOnlyList<BackupTable> Tables(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var tables = model.Tables.Where(t => !t.IsExcludedFromMigrations).ToList();
        var byTable = tables.ToDictionary(t => t, Describe);

        var ordered = new List<BackupTable>();
        var done = new HashSet<ITable>();
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable)))
                ?? throw new BackupException("các bảng tham chiếu vòng tròn, không có thứ tự chèn (tables reference each other in a cycle: "
                    + string.Join(", ", pending.Select(t => t.Name)) + ")");
            ordered.Add(byTable[ready]);
            done.Add(ready);
            pending.Remove(ready);
        }
        return ordered;
    }

    private static BackupTable Describe(ITable table)
    {
        var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
        {
            var mapping = c.PropertyMappings.First();
            var type = mapping.Property.ClrType;
            return new BackupColumn(c.Name, c.StoreType, c.IsNullable, Nullable.GetUnderlyingType(type) ?? type, mapping.TypeMapping);
        }).ToList();
        BackupColumn Find(IColumn c) => columns.Single(x => x.Name == c.Name);
        var key = table.PrimaryKey?.Columns.Select(Find).ToList()
            ?? throw new BackupException($"bảng {table.Name} không có khóa chính (table {table.Name} has no primary key)");
        var self = table.ForeignKeyConstraints.Where(fk => fk.PrincipalTable == table).SelectMany(fk => fk.Columns).Select(Find).Distinct().ToList();
        foreach (var column in self.Where(c => !c.IsNullable))
            throw new BackupException($"cột {table.Name}.{column.Name} tham chiếu chính bảng và bắt buộc (a required self-reference cannot be restored in any row order)");
        return new BackupTable(table.Name, table.Schema, columns, key, self);
    }
}
