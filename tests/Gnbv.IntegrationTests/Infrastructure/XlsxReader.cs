using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// Reads a workbook back for assertions, over the Open XML SDK and independent of the product's
/// writer: every sheet's cells (shared strings resolved), their number format and quote prefix, the
/// frozen rows and the print setup.
/// </summary>
public sealed class XlsxBook
{
    private XlsxBook(IReadOnlyList<XlsxSheet> sheets) => Sheets = sheets;

    public IReadOnlyList<XlsxSheet> Sheets { get; }

    public XlsxSheet Sheet(string name) => Sheets.SingleOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"no sheet '{name}'");

    public static XlsxBook Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>What the Open XML SDK's validator finds against the Office schemas: what Excel might refuse to open.</summary>
    public static IReadOnlyList<string> SchemaErrors(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    public static XlsxBook Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = document.WorkbookPart!;
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var styles = book.WorkbookStylesPart?.Stylesheet;
        var formats = styles?.CellFormats?.Elements<CellFormat>().ToArray() ?? [];
        var customFormats = styles?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var sheets = new List<XlsxSheet>();
        foreach (var entry in book.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)book.GetPartById(entry.Id!.Value!)).Worksheet;
            var cells = new Dictionary<(int, int), XlsxCell>();
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                var (row, column) = Address(cell.CellReference!.Value!);
                var format = cell.StyleIndex is { } s && s.Value < formats.Length ? formats[s.Value] : null;
                var formatId = format?.NumberFormatId?.Value ?? 0;
                cells[(row, column)] = new XlsxCell(
                    row, column, Text(cell, shared),
                    IsNumber: cell.CellValue is not null && (cell.DataType is null || cell.DataType.Value == CellValues.Number),
                    HasFormula: cell.CellFormula is not null,
                    NumberFormat: customFormats.GetValueOrDefault(formatId) ?? BuiltInFormat(formatId),
                    QuotePrefix: format?.QuotePrefix?.Value ?? false);
            }
            var pane = worksheet.Descendants<Pane>().FirstOrDefault();
            var setup = worksheet.GetFirstChild<PageSetup>();
            sheets.Add(new XlsxSheet(
                entry.Name!.Value!, cells,
                FrozenRows: pane?.State?.Value == PaneStateValues.Frozen ? (int)(pane.VerticalSplit?.Value ?? 0) : 0,
                Landscape: setup?.Orientation?.Value == OrientationValues.Landscape,
                PaperSize: setup?.PaperSize?.Value ?? 1));
        }
        return new XlsxBook(sheets);
    }

    private static string Text(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        return cell.DataType?.Value == CellValues.SharedString && raw.Length > 0 ? shared[int.Parse(raw, CultureInfo.InvariantCulture)] : raw;
    }

    private static string BuiltInFormat(uint id) => id switch
    {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        49 => "@",
        _ => $"built-in {id}",
    };

    /// <summary>"AB12" as (row 12, column 28).</summary>
    public static (int Row, int Column) Address(string a1)
    {
        var column = 0;
        var i = 0;
        for (; i < a1.Length && char.IsAsciiLetter(a1[i]); i++) column = column * 26 + char.ToUpperInvariant(a1[i]) - 'A' + 1;
        return (int.Parse(a1[i..], CultureInfo.InvariantCulture), column);
    }
}

/// <summary>A sheet read back; a cell never written reads as empty text.</summary>
/// <param name="PaperSize">Excel's paper code: 9 is A4, 1 (the default) Letter.</param>
public sealed record XlsxSheet(string Name, IReadOnlyDictionary<(int Row, int Column), XlsxCell> Cells, int FrozenRows, bool Landscape, uint PaperSize)
{
    public XlsxCell Cell(int row, int column) => Cells.GetValueOrDefault((row, column)) ?? new XlsxCell(row, column, "", false, false, "General", false);

    public XlsxCell Cell(string a1) => Cell(XlsxBook.Address(a1).Row, XlsxBook.Address(a1).Column);

    /// <summary>Cells holding a value (a styled empty cell is not used).</summary>
    public IEnumerable<XlsxCell> CellsUsed => Cells.Values.Where(c => c.Text.Length > 0 || c.HasFormula).OrderBy(c => c.Row).ThenBy(c => c.Column);

    public IReadOnlyList<XlsxRow> RowsUsed => [.. CellsUsed.GroupBy(c => c.Row).Select(g => new XlsxRow(this, g.Key))];

    public XlsxRow Row(int row) => new(this, row);
}

/// <summary>A row of a sheet read back: its cells by column (1-based).</summary>
public sealed record XlsxRow(XlsxSheet Sheet, int Number)
{
    public XlsxCell Cell(int column) => Sheet.Cell(Number, column);

    public IEnumerable<XlsxCell> CellsUsed => Sheet.CellsUsed.Where(c => c.Row == Number);
}

/// <summary>A cell read back: its text as stored (a number in invariant culture) and how it is shown.</summary>
public sealed record XlsxCell(int Row, int Column, string Text, bool IsNumber, bool HasFormula, string NumberFormat, bool QuotePrefix)
{
    /// <summary>The cell's number; fails on a text cell, as a figure must be a number in the sheet.</summary>
    public decimal Number => IsNumber
        ? decimal.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"cell ({Row}, {Column}) is not a number: '{Text}'");
}
