using System.Data;
using System.Globalization;
using Gnbv.Data.Backup;
using Gnbv.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gnbv.IntegrationTests.Backup;

/// <summary>
/// Every table of the EF model, every row (by primary key) and every column as text, read straight
/// from the database: what a round trip must keep. Taken from the model, so a table or column
/// added later is compared without touching the test.
/// </summary>
public sealed class TableSnapshot
{
    public required Dictionary<string, List<string[]>> Tables { get; init; }

    public int RowCount(string table) => Tables[table].Count;

    /// <param name="asModelValues">
    /// Compare what the application sees (the EF model's values) rather than the provider's raw
    /// storage: needed across providers, where a date is text in SQLite and a date in PostgreSQL.
    /// </param>
    public static async Task<TableSnapshot> TakeAsync(AppDbContext db, bool asModelValues = false)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            foreach (var table in BackupSchema.Tables(db))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
                var rows = new List<string[]>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = new string[table.Columns.Count];
                    for (var i = 0; i < row.Length; i++)
                        row[i] = table.Columns[i].Name + "=" + Text(asModelValues ? Portable(ColumnValues.Read(reader, i, table.Columns[i])) : reader.IsDBNull(i) ? null : reader.GetValue(i));
                    rows.Add(row);
                }
                rows.Sort((a, b) => string.CompareOrdinal(string.Join('|', a), string.Join('|', b)));
                tables[table.Name] = rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new TableSnapshot { Tables = tables };
    }

    /// <summary>PostgreSQL keeps timestamps to the microsecond, SQLite to the tick: a value crossing providers keeps the microseconds.</summary>
    private static object? Portable(object? value) =>
        value is DateTime dt ? new DateTime(dt.Ticks - dt.Ticks % 10, DateTimeKind.Unspecified) : value;

    private static string Text(object? value) => value switch
    {
        null => "<null>",
        byte[] bytes => Convert.ToBase64String(bytes),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture).TrimEnd('Z'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Fails naming the first table, row and column that differ.</summary>
    public void ShouldEqual(TableSnapshot restored)
    {
        restored.Tables.Keys.Order(StringComparer.Ordinal).ShouldBe(Tables.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, rows) in Tables)
        {
            var other = restored.Tables[name];
            other.Count.ShouldBe(rows.Count, $"rows of table {name}");
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < rows[r].Length; c++)
                    other[r][c].ShouldBe(rows[r][c], $"table {name}, row {r + 1}");
        }
    }
}
