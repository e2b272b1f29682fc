using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gnbv.Reports.Xlsx;

/// <summary>
/// One sheet of a <see cref="WorkbookWriter"/>: cells by row and column (1-based), merged ranges,
/// column widths, frozen header rows and print setup. Text is stored once in the shared strings.
/// </summary>
public sealed class SheetWriter
{
    private readonly WorkbookWriter book;
    private readonly SortedDictionary<int, SortedDictionary<int, CellData>> rows = [];
    private readonly SortedDictionary<int, (double Width, uint Style)> columns = [];
    private readonly List<string> merges = [];
    private int frozenRows;
    private bool landscapeA4;

    internal SheetWriter(WorkbookWriter book, string name)
    {
        this.book = book;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The row repeated at the top of every printed page, if any.</summary>
    public int? PrintTitleRow { get; private set; }

    private readonly record struct CellData(string? Text, decimal? Number, uint Style);

    public void Text(int row, int column, string text, CellStyle? style = null) =>
        Put(row, column, new CellData(text, null, Style(style)));

    public void Number(int row, int column, decimal value, CellStyle? style = null) =>
        Put(row, column, new CellData(null, value, Style(style)));

    /// <summary>An empty cell that still shows its style (a border, a fill).</summary>
    public void Blank(int row, int column, CellStyle style) =>
        Put(row, column, new CellData(null, null, Style(style)));

    public void Merge(int row, int fromColumn, int toColumn) =>
        merges.Add($"{Reference(row, fromColumn)}:{Reference(row, toColumn)}");

    /// <summary>Width in characters of the default font; a column style applies to its empty cells too.</summary>
    public void ColumnWidth(int column, double width, CellStyle? style = null) =>
        columns[column] = (width, Style(style));

    public void FreezeRows(int count) => frozenRows = count;

    /// <summary>A4 landscape, as wide as one page, with <paramref name="titleRow"/> repeated on each page.</summary>
    public void PrintLandscapeA4(int? titleRow = null)
    {
        landscapeA4 = true;
        PrintTitleRow = titleRow;
    }

    private uint Style(CellStyle? style) => style is null ? 0 : book.Styles.IndexOf(style);

    private void Put(int row, int column, CellData cell)
    {
        if (!rows.TryGetValue(row, out var cells)) rows[row] = cells = [];
        cells[column] = cell;
    }

    internal Worksheet Build()
    {
        var sheet = new Worksheet();
        if (landscapeA4) sheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (frozenRows > 0)
        {
            view.Append(new Pane { VerticalSplit = frozenRows, TopLeftCell = Reference(frozenRows + 1, 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft });
        }
        sheet.Append(new SheetViews(view));
        sheet.Append(new SheetFormatProperties { DefaultRowHeight = book.RowHeight });
        if (columns.Count > 0)
            sheet.Append(new Columns(columns.Select(c => new Column
            {
                Min = (uint)c.Key,
                Max = (uint)c.Key,
                Width = c.Value.Width,
                CustomWidth = true,
                Style = c.Value.Style == 0 ? null : (UInt32Value)c.Value.Style,
            })));
        sheet.Append(new SheetData(rows.Select(r => new Row(r.Value.Select(c => Cell(r.Key, c.Key, c.Value))) { RowIndex = (uint)r.Key })));
        if (merges.Count > 0) sheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        sheet.Append(new PageMargins { Left = 0.75, Right = 0.75, Top = 0.75, Bottom = 0.5, Header = 0.5, Footer = 0.75 });
        if (landscapeA4)
            sheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return sheet;
    }

    private Cell Cell(int row, int column, CellData data)
    {
        var cell = new Cell { CellReference = Reference(row, column) };
        if (data.Style != 0) cell.StyleIndex = data.Style;
        if (data.Text is not null)
        {
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue(book.SharedString(data.Text).ToString(CultureInfo.InvariantCulture));
        }
        else if (data.Number is { } n)
        {
            // Trailing zeros of a decimal's scale ("434.000") carry nothing in a sheet.
            cell.CellValue = new CellValue(n.ToString("0.############################", CultureInfo.InvariantCulture));
        }
        return cell;
    }

    /// <summary>An A1 reference: column 1 is A, 27 is AA.</summary>
    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
