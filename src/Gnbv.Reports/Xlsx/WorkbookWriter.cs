using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gnbv.Reports.Xlsx;

/// <summary>
/// A small XLSX writer over the Open XML SDK: sheets of text and numbers with styles, in one font.
/// The workbooks GNBV writes are a few hundred cells, so each sheet is built in memory and saved once.
/// </summary>
/// <param name="rowHeight">Default row height in points, as Excel sizes a row of this font (15 for Calibri 11, 15.75 for 12-point fonts).</param>
public sealed class WorkbookWriter(string fontName = "Calibri", double fontSize = 11, double rowHeight = 15)
{
    private readonly List<SheetWriter> sheets = [];
    private readonly Dictionary<string, int> sharedIndexes = new(StringComparer.Ordinal);
    private readonly List<string> shared = [];

    internal StylesheetBuilder Styles { get; } = new(fontName, fontSize);

    internal double RowHeight { get; } = rowHeight;

    public SheetWriter AddSheet(string name)
    {
        var sheet = new SheetWriter(this, name);
        sheets.Add(sheet);
        return sheet;
    }

    internal int SharedString(string text)
    {
        if (sharedIndexes.TryGetValue(text, out var index)) return index;
        sharedIndexes[text] = index = shared.Count;
        shared.Add(text);
        return index;
    }

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    public void Save(Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var entries = new Sheets();
        var titles = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbook.AddNewPart<WorksheetPart>($"rId{i + 1}");
            part.Worksheet = sheets[i].Build();
            entries.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)i + 1, Id = workbook.GetIdOfPart(part) });
            if (sheets[i].PrintTitleRow is { } row)
                titles.Append(new DefinedName($"'{sheets[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!${row}:${row}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }
        // Built after the sheets, which register the styles and strings they use.
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Build();
        if (shared.Count > 0)
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(shared.Select(Item)) { Count = (uint)shared.Count, UniqueCount = (uint)shared.Count };
        workbook.Workbook = titles.HasChildren ? new Workbook(entries, titles) : new Workbook(entries);
        workbook.Workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    }

    // Leading or trailing spaces survive only with xml:space="preserve".
    private static SharedStringItem Item(string text)
    {
        var t = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
        return new SharedStringItem(t);
    }
}
