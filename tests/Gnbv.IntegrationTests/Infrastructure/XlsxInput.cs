using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// A one-sheet workbook a test feeds to an importer: text (in the shared strings, as Excel saves
/// it), numbers and formulas by (row, column) or A1 address. Written with the Open XML SDK alone,
/// so the readers under test are not checked against the product's own writer.
/// </summary>
public sealed class XlsxInput(string sheetName)
{
    private readonly SortedDictionary<(int Row, int Column), Cell> cells = [];
    private readonly List<string> shared = [];
    private readonly List<string> emptyBefore = [];

    /// <summary>An empty sheet placed before this one, as a workbook saved with its default "Sheet1" in front.</summary>
    public XlsxInput EmptySheetBefore(string name)
    {
        emptyBefore.Add(name);
        return this;
    }

    public XlsxInput Text(int row, int column, string text)
    {
        var index = shared.IndexOf(text);
        if (index < 0) shared.Add(text);
        return Put(row, column, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index < 0 ? shared.Count - 1 : index) });
    }

    public XlsxInput Number(int row, int column, decimal value) =>
        Put(row, column, new Cell { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });

    /// <summary>A formula without a cached value, as a program other than Excel may save it.</summary>
    public XlsxInput Formula(string a1, string formula)
    {
        var (row, column) = XlsxBook.Address(a1);
        return Put(row, column, new Cell { CellFormula = new CellFormula(formula) });
    }

    /// <summary>Rows of text from row 1, column A; an empty string leaves its cell out.</summary>
    public XlsxInput TextRows(IEnumerable<string[]> rows)
    {
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                if (row[c].Length > 0) Text(r, c + 1, row[c]);
            r++;
        }
        return this;
    }

    private XlsxInput Put(int row, int column, Cell cell)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        cell.CellReference = letters + row.ToString(CultureInfo.InvariantCulture);
        cells[(row, column)] = cell;
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            var part = book.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(cells.GroupBy(c => c.Key.Row).Select(r => new Row(r.Select(c => c.Value)) { RowIndex = (uint)r.Key })));
            book.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s))));
            var sheets = new Sheets();
            uint id = 1;
            foreach (var name in emptyBefore)
            {
                var empty = book.AddNewPart<WorksheetPart>();
                empty.Worksheet = new Worksheet(new SheetData());
                sheets.Append(new Sheet { Name = name, SheetId = id++, Id = book.GetIdOfPart(empty) });
            }
            sheets.Append(new Sheet { Name = sheetName, SheetId = id, Id = book.GetIdOfPart(part) });
            book.Workbook = new Workbook(sheets);
        }
        return stream.ToArray();
    }
}
