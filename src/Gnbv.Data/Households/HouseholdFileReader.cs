using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gnbv.Data.Imports;
using Gnbv.Domain.Formatting;

namespace Gnbv.Data.Households;

/// <summary>A data row of a household list: its line (CSV line or sheet row) and its cells by column key.</summary>
public sealed class SourceRow(int line, Dictionary<string, string> cells)
{
    public int Line { get; } = line;

    public string? this[string key] => cells.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    public bool IsEmpty => cells.Values.All(v => v.Length == 0);
}

/// <summary>
/// Streams the rows of a household list from CSV (UTF-8, comma or semicolon) or XLSX (first sheet,
/// read with the SAX reader, so a large sheet is never held whole). The header row maps columns by
/// <see cref="HouseholdColumns.KeyOf"/>; an unknown header is an error naming it.
/// </summary>
public static class HouseholdFileReader
{
    /// <summary>Columns whose cells must be numbers: a formula there is refused, not read as text.</summary>
    static readonly HashSet<string> NumericKeys = ["census_year", "income", "score_a", "birth_year", "citizen_id", "amount", "quantity"];

    /// <summary>Columns that hold codes: an invisible or bidi character there is refused (<see cref="TextCheck.Code"/>).</summary>
    static readonly HashSet<string> CodeKeys = ["household_code", "commune", "citizen_id", "kind", "program_item", "funding_source"];

    /// <summary>A cell through the one text check, then in form C; a control character (a code: an invisible one) names the row and column.</summary>
    static string Checked(int line, string key, string value)
    {
        if ((CodeKeys.Contains(key) ? TextCheck.Code(value) : TextCheck.FreeText(value)) is { } problem)
            throw Fail(line, key, $"cột '{HeaderOf(key)}' dòng {line}: {problem}");
        return TextCheck.Nfc(value);
    }

    public static IEnumerable<SourceRow> Read(Stream stream, string fileName, string[] requiredKeys, FileLimits? limits = null) =>
        Read(stream, fileName, requiredKeys, HouseholdColumns.KeyOf, limits);

    /// <summary>The same reader for another layout (the list of support received).</summary>
    public static IEnumerable<SourceRow> Read(Stream stream, string fileName, string[] requiredKeys, Func<string, string?> keyOf, FileLimits? limits = null)
    {
        limits ??= FileLimits.HouseholdLists;
        var xlsx = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw Fail(0, "file", $"'{Path.GetFileName(fileName)}': chỉ nhận tệp .csv hoặc .xlsx (only CSV or XLSX)");
        // Checked before the first row is asked for, so a refused file fails at the call, not half-way.
        Encoding? encoding = null;
        if (stream.CanSeek)
        {
            if (stream.Length - stream.Position > limits.MaxFileBytes)
                throw FileRefused.Because("households", fileName, $"tệp {stream.Length - stream.Position} byte vượt giới hạn {limits.MaxFileBytes} byte (MaxFileBytes)");
            if (xlsx) XlsxGuard.Check(stream, "households", fileName, limits);
            else encoding = TextFileCheck.Check(stream, "households", fileName);
        }
        return xlsx ? Corrupt(ReadXlsx(stream, requiredKeys, keyOf, limits)) : ReadCsv(stream, requiredKeys, keyOf, limits, encoding, fileName);
    }

    /// <summary>
    /// A damaged XLSX (found by <c>gnbv fuzz</c>) fails deep in the package reader while rows are
    /// streamed (bad XML in a part, a broken content type or relationship): an import error, not a crash.
    /// </summary>
    static IEnumerable<SourceRow> Corrupt(IEnumerable<SourceRow> rows)
    {
        using var e = rows.GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = e.MoveNext();
            }
            // NullReferenceException too: the package reader dereferences parts a damaged file lacks (gnbv fuzz --seed 42).
            catch (Exception x) when (x is System.Xml.XmlException or InvalidDataException or ArgumentException or OpenXmlPackageException or IOException or FormatException or InvalidOperationException or KeyNotFoundException or InvalidCastException or NullReferenceException)
            {
                throw Fail(0, "file", "tệp XLSX bị hỏng, không đọc được; lưu lại tệp bằng Excel (damaged XLSX file)");
            }
            if (!more) yield break;
            yield return e.Current;
        }
    }

    public static ImportFailedException Fail(int line, string field, string message) =>
        new([new ImportError("households", 0, line, field, message)]);

    public static IEnumerable<SourceRow> ReadCsv(Stream stream, string[] requiredKeys, Func<string, string?> keyOf, FileLimits? limits = null, Encoding? encoding = null, string fileName = "danh-sach.csv")
    {
        limits ??= FileLimits.HouseholdLists;
        using var text = new StreamReader(stream, encoding ?? new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        string headerLine;
        try
        {
            headerLine = CsvDelimiter.ReadHeaderLine(text)
                ?? throw Fail(1, "header", $"dòng tiêu đề dài quá {CsvDelimiter.MaxHeaderChars} ký tự hoặc tệp không có dấu xuống dòng (header line too long)");
        }
        catch (DecoderFallbackException)
        {
            throw Fail(1, "file", "Tệp không phải UTF-8 (dòng 1); lưu lại tệp CSV với mã hóa UTF-8 (file is not UTF-8)");
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // From the header against the layout's columns, not by counting characters (see CsvDelimiter).
            Delimiter = CsvDelimiter.Detect(headerLine, h => keyOf(TextCheck.Nfc(h)) is not null),
            TrimOptions = TrimOptions.Trim,
            // A stray or unterminated quote is refused (BadDataException), not read as the rest of the file.
            MissingFieldFound = null,
            MaxFieldSize = limits.MaxCellChars,
        };
        using var csv = new CsvReader(new CsvDelimiter.Prefixed(headerLine + "\n", text), config);
        string?[] keys;
        try
        {
            if (!csv.Read() || !csv.ReadHeader()) throw Fail(1, "header", "thiếu dòng tiêu đề (missing header row)");
            keys = MapHeader([.. (csv.HeaderRecord ?? []).Select(TextCheck.Nfc)], requiredKeys, keyOf, limits);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(1, "file", "Tệp không phải UTF-8 (dòng 1); lưu lại tệp CSV với mã hóa UTF-8 (file is not UTF-8)");
        }
        catch (CsvHelperException e)
        {
            throw ImportFileReader.CsvBroken("households", fileName, e);
        }
        var rows = 0;
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (DecoderFallbackException)
            {
                throw Fail(csv.Parser.Row, "file", $"Tệp không phải UTF-8 từ khoảng dòng {csv.Parser.Row}; lưu lại với mã hóa UTF-8 (not UTF-8)");
            }
            catch (CsvHelperException e)
            {
                throw ImportFileReader.CsvBroken("households", fileName, e);
            }
            if (!more) yield break;
            var line = csv.Parser.Row;
            if (ImportFileReader.UnclosedQuoteLine(csv.Parser) is { } open) throw ImportFileReader.UnclosedQuote("households", fileName, open);
            // Extra empty fields are a spreadsheet's trailing separators; anything else shifts the columns.
            if (csv.Parser.Count < keys.Length || (csv.Parser.Count > keys.Length && Enumerable.Range(keys.Length, csv.Parser.Count - keys.Length).Any(i => csv.Parser[i].Trim().Length > 0)))
                throw Fail(line, "*", $"dòng {line} có {csv.Parser.Count} cột, dòng tiêu đề có {keys.Length} cột (wrong column count; a comma inside a field must be quoted)");
            var cells = new Dictionary<string, string>(keys.Length);
            for (var i = 0; i < keys.Length; i++)
                if (keys[i] is { } k)
                {
                    // The apostrophe the export put before text a spreadsheet would run as a formula is not data (CsvSafe).
                    var value = Checked(line, k, CsvSafe.Restore(csv.TryGetField(i, out string? v) ? v : null) ?? "");
                    if (value is ['=' or '@', ..] && NumericKeys.Contains(k))
                        throw Fail(line, k, $"cột '{HeaderOf(k)}' dòng {line}: '{value}' là công thức, không phải số; hãy ghi giá trị (formula where a number is expected)");
                    cells[k] = value;
                }
            var row = new SourceRow(line, cells);
            if (row.IsEmpty) continue;
            if (++rows > limits.MaxRows)
                throw Fail(line, "file", $"tệp có hơn {limits.MaxRows} dòng dữ liệu, vượt giới hạn (MaxRows); chia thành nhiều tệp");
            yield return row;
        }
    }

    /// <summary>How many non-empty rows at the top of the sheet may stand above the header (a title, a date line).</summary>
    public const int HeaderSearchRows = 10;

    public static IEnumerable<SourceRow> ReadXlsx(Stream stream, string[] requiredKeys, Func<string, string?> keyOf, FileLimits? limits = null)
    {
        limits ??= FileLimits.HouseholdLists;
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException)
        {
            throw Fail(0, "file", "tệp không phải XLSX hợp lệ hoặc bị hỏng (not a readable XLSX file)");
        }
        using (doc)
        {
            var book = doc.WorkbookPart ?? throw Fail(0, "file", "tệp XLSX không có bảng tính (no workbook)");
            var sheets = book.Workbook.Sheets?.Elements<Sheet>().ToList() is { Count: > 0 } list ? list : throw Fail(0, "file", "tệp XLSX không có trang tính (no sheet)");
            var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var skipped = new List<string>();
            // The list is on the first sheet that has anything in it: an empty first sheet (a workbook
            // saved with its default "Sheet1" in front) is passed over, and says so if nothing is found.
            foreach (var sheet in sheets)
            {
                var sheetName = sheet.Name?.Value ?? "1";
                var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
                string?[]? keys = null;
                var rows = 0;
                var seen = 0;
                (int Line, string[] Cells)? firstRow = null;
                using var reader = OpenXmlReader.Create(part);
                while (NextRow(reader) is { } row)
                {
                    var line = (int)(row.RowIndex?.Value ?? 0);
                    var (values, numeric) = RowCells(row, sheetName, line, shared, limits);
                    if (keys is null)
                    {
                        if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
                        var width = values.Keys.Max() + 1;
                        var header = Enumerable.Range(0, width).Select(i => TextCheck.Nfc(values.GetValueOrDefault(i, ""))).ToArray();
                        firstRow ??= (line, header);
                        // The header is the first row that names known columns (most of its cells); rows
                        // above it, within the first few, are a title or notes and are passed over.
                        var filled = header.Where(h => h.Trim().Length > 0).ToList();
                        var known = filled.Count(h => keyOf(h.Trim()) is not null);
                        if (known >= Math.Min(2, requiredKeys.Length) && known * 2 >= filled.Count)
                        {
                            keys = MapHeader(header, requiredKeys, keyOf, limits, line, $"trang tính '{sheetName}' dòng {line}: ");
                            continue;
                        }
                        if (++seen >= HeaderSearchRows) break;
                        continue;
                    }
                    var cells = new Dictionary<string, string>(keys.Length);
                    for (var i = 0; i < keys.Length; i++)
                        if (keys[i] is { } k) cells[k] = Checked(line, k, values.GetValueOrDefault(i, "").Trim());
                    // A citizen ID typed into a number cell loses its leading zeros (every CCCD starts with 0).
                    if (cells.TryGetValue("citizen_id", out var id) && id.Length is 10 or 11 && id.All(char.IsAsciiDigit) && numeric.Contains(Array.IndexOf(keys, "citizen_id")))
                        cells["citizen_id"] = id.PadLeft(12, '0');
                    // So does a GSO commune code (5 digits, "01294").
                    if (cells.TryGetValue("commune", out var commune) && commune.Length is > 0 and < 5 && commune.All(char.IsAsciiDigit) && numeric.Contains(Array.IndexOf(keys, "commune")))
                        cells["commune"] = commune.PadLeft(5, '0');
                    var source = new SourceRow(line, cells);
                    if (source.IsEmpty) continue;
                    if (++rows > limits.MaxRows)
                        throw Fail(line, "file", $"trang tính có hơn {limits.MaxRows} dòng dữ liệu, vượt giới hạn (MaxRows); chia thành nhiều tệp");
                    yield return source;
                }
                if (keys is not null) yield break;
                if (firstRow is { } first)
                {
                    // The sheet has content but no header: say which sheet and what its first row holds
                    // (a row of several unknown headers: which of them are unknown).
                    var filled = first.Cells.Where(c => c.Trim().Length > 0).ToList();
                    var cells = string.Join(", ", filled.Take(5).Select(c => $"'{c.Trim()}'"));
                    if (filled.Count > 1) MapHeader(first.Cells, requiredKeys, keyOf, limits, first.Line, $"trang tính '{sheetName}' dòng {first.Line}: ");
                    throw Fail(first.Line, "header", $"trang tính '{sheetName}': không thấy dòng tiêu đề trong {HeaderSearchRows} dòng đầu (dòng {first.Line} có {cells}); tải mẫu bằng 'gnbv households template' (missing header row)");
                }
                skipped.Add(sheetName);
            }
            throw Fail(1, "header", $"không có trang tính nào có dữ liệu (trang tính trống: {string.Join(", ", skipped.Select(n => $"'{n}'"))}) (missing header row)");
        }
    }

    /// <summary>The cells of one sheet row by column index, and which of them are number cells.</summary>
    static (Dictionary<int, string> Values, HashSet<int> Numeric) RowCells(Row row, string sheetName, int line, string[] shared, FileLimits limits)
    {
        var values = new Dictionary<int, string>();
        var numeric = new HashSet<int>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value);
            // A formula's cached value may be stale or missing: the list must hold values.
            if (cell.CellFormula is not null)
                throw Fail(line, "file", $"trang tính '{sheetName}' ô {cell.CellReference?.Value} chứa công thức, hãy dán giá trị (Paste Values) thay cho công thức (formula in a cell)");
            if (column >= limits.MaxColumns)
                throw Fail(line, "file", $"ô {cell.CellReference?.Value} nằm ngoài {limits.MaxColumns} cột đầu, vượt giới hạn số cột (MaxColumns)");
            var text = CellText(cell, shared);
            if (text.Length > limits.MaxCellChars)
                throw Fail(line, "file", $"ô {cell.CellReference?.Value} dài {text.Length} ký tự, vượt giới hạn {limits.MaxCellChars} (MaxCellChars)");
            values[column] = text;
            if (cell.DataType is null || cell.DataType.Value == CellValues.Number) numeric.Add(column);
        }
        return (values, numeric);
    }

    /// <summary>The next row of the sheet; a damaged sheet XML is an error, not a half-read list.</summary>
    static Row? NextRow(OpenXmlReader reader)
    {
        try
        {
            while (reader.Read())
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                    return (Row)reader.LoadCurrentElement()!;
            return null;
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException)
        {
            throw Fail(0, "file", "trang tính bị hỏng, không đọc hết được (corrupt sheet XML); mở lại bằng Excel, lưu rồi tải lại");
        }
    }

    static string?[] MapHeader(string[] header, string[] requiredKeys, Func<string, string?> keyOf, FileLimits limits, int line = 1, string where = "")
    {
        if (header.Length > limits.MaxColumns)
            throw Fail(line, "header", $"{where}dòng tiêu đề có {header.Length} cột, vượt giới hạn {limits.MaxColumns} cột (MaxColumns)");
        var keys = new string?[header.Length];
        var seen = new Dictionary<string, int>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var h = header[i].Trim();
            if (h.Length == 0) continue;
            var key = keyOf(h);
            if (key is null) { unknown.Add(h); continue; }
            if (seen.TryGetValue(key, out var earlier))
                throw Fail(line, h, $"{where}cột '{h}' trùng với cột {earlier + 1} (duplicate column)");
            seen[key] = i;
            keys[i] = key;
        }
        if (unknown.Count > 0)
            throw Fail(line, "header", $"{where}cột không có trong mẫu: {string.Join(", ", unknown)}; tải mẫu bằng 'gnbv households template' (unknown columns)");
        var missing = requiredKeys.Where(k => !seen.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw Fail(line, "header", $"{where}thiếu cột: {string.Join(", ", missing.Select(HeaderOf))} (missing columns)");
        return keys;
    }

    static string HeaderOf(string key) => HouseholdColumns.All.FirstOrDefault(c => c.Key == key)?.Header ?? SupportColumns.All.FirstOrDefault(c => c.Key == key)?.Header ?? key;

    static int ColumnIndex(string? reference)
    {
        var n = 0;
        foreach (var ch in reference ?? "A")
        {
            if (!char.IsAsciiLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }

    static string CellText(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "x" : "";
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            // Whole numbers come back without Excel's exponent or ".0" (12-digit IDs, money).
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 1e15 && d == Math.Floor(d))
                return ((long)d).ToString(CultureInfo.InvariantCulture);
            // A fractional number cell is unambiguous: written in the Vietnamese notation the columns read ("1,5").
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
                return m.ToString("0.############", Gnbv.Domain.Formatting.VnFormat.Numbers);
        }
        return raw;
    }
}
