using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gnbv.Data.Imports;

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
    public static IEnumerable<SourceRow> Read(Stream stream, string fileName, string[] requiredKeys) =>
        Read(stream, fileName, requiredKeys, HouseholdColumns.KeyOf);

    /// <summary>The same reader for another layout (the list of support received).</summary>
    public static IEnumerable<SourceRow> Read(Stream stream, string fileName, string[] requiredKeys, Func<string, string?> keyOf) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Corrupt(ReadXlsx(stream, requiredKeys, keyOf))
        : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(stream, requiredKeys, keyOf)
        : throw Fail(0, "file", $"'{Path.GetFileName(fileName)}': chỉ nhận tệp .csv hoặc .xlsx (only CSV or XLSX)");

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
            catch (Exception x) when (x is System.Xml.XmlException or InvalidDataException or ArgumentException or OpenXmlPackageException or IOException or FormatException or InvalidOperationException or KeyNotFoundException or InvalidCastException)
            {
                throw Fail(0, "file", "tệp XLSX bị hỏng, không đọc được; lưu lại tệp bằng Excel (damaged XLSX file)");
            }
            if (!more) yield break;
            yield return e.Current;
        }
    }

    public static ImportFailedException Fail(int line, string field, string message) =>
        new([new ImportError("households", 0, line, field, message)]);

    public static IEnumerable<SourceRow> ReadCsv(Stream stream, string[] requiredKeys, Func<string, string?> keyOf)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var csv = new CsvReader(text, config);
        string?[] keys;
        try
        {
            if (!csv.Read() || !csv.ReadHeader()) throw Fail(1, "header", "thiếu dòng tiêu đề (missing header row)");
            keys = MapHeader(csv.HeaderRecord ?? [], requiredKeys, keyOf);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(1, "file", "tệp không phải UTF-8; lưu lại tệp CSV với mã hóa UTF-8 (file is not UTF-8)");
        }
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (DecoderFallbackException)
            {
                throw Fail(csv.Parser.Row, "file", "tệp không phải UTF-8 từ dòng này; lưu lại với mã hóa UTF-8 (not UTF-8)");
            }
            if (!more) yield break;
            var cells = new Dictionary<string, string>(keys.Length);
            for (var i = 0; i < keys.Length; i++)
                if (keys[i] is { } k) cells[k] = (csv.TryGetField(i, out string? v) ? v : null)?.Normalize(NormalizationForm.FormC) ?? "";
            var row = new SourceRow(csv.Parser.Row, cells);
            if (!row.IsEmpty) yield return row;
        }
    }

    public static IEnumerable<SourceRow> ReadXlsx(Stream stream, string[] requiredKeys, Func<string, string?> keyOf)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw Fail(0, "file", "tệp không phải XLSX hợp lệ hoặc đã đặt mật khẩu (not a readable XLSX file)");
        }
        using (doc)
        {
            var book = doc.WorkbookPart ?? throw Fail(0, "file", "tệp XLSX không có bảng tính (no workbook)");
            var firstSheet = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Fail(0, "file", "tệp XLSX không có trang tính (no sheet)");
            var part = (WorksheetPart)book.GetPartById(firstSheet.Id!.Value!);
            var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            string?[]? keys = null;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var line = (int)(row.RowIndex?.Value ?? 0);
                var values = new Dictionary<int, string>();
                var numeric = new HashSet<int>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value);
                    values[column] = CellText(cell, shared).Normalize(NormalizationForm.FormC);
                    if (cell.DataType is null || cell.DataType.Value == CellValues.Number) numeric.Add(column);
                }
                if (keys is null)
                {
                    if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
                    var width = values.Count == 0 ? 0 : values.Keys.Max() + 1;
                    keys = MapHeader(Enumerable.Range(0, width).Select(i => values.GetValueOrDefault(i, "")).ToArray(), requiredKeys, keyOf);
                    continue;
                }
                var cells = new Dictionary<string, string>(keys.Length);
                for (var i = 0; i < keys.Length; i++)
                    if (keys[i] is { } k) cells[k] = values.GetValueOrDefault(i, "").Trim();
                // A citizen ID typed into a number cell loses its leading zeros (every CCCD starts with 0).
                if (cells.TryGetValue("citizen_id", out var id) && id.Length is 10 or 11 && id.All(char.IsAsciiDigit) && numeric.Contains(Array.IndexOf(keys, "citizen_id")))
                    cells["citizen_id"] = id.PadLeft(12, '0');
                // So does a GSO commune code (5 digits, "01294").
                if (cells.TryGetValue("commune", out var commune) && commune.Length is > 0 and < 5 && commune.All(char.IsAsciiDigit) && numeric.Contains(Array.IndexOf(keys, "commune")))
                    cells["commune"] = commune.PadLeft(5, '0');
                var source = new SourceRow(line, cells);
                if (!source.IsEmpty) yield return source;
            }
            if (keys is null) throw Fail(1, "header", "thiếu dòng tiêu đề (missing header row)");
        }
    }

    static string?[] MapHeader(string[] header, string[] requiredKeys, Func<string, string?> keyOf)
    {
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
                throw Fail(1, h, $"cột '{h}' trùng với cột {earlier + 1} (duplicate column)");
            seen[key] = i;
            keys[i] = key;
        }
        if (unknown.Count > 0)
            throw Fail(1, "header", $"cột không có trong mẫu: {string.Join(", ", unknown)}; tải mẫu bằng 'gnbv households template' (unknown columns)");
        var missing = requiredKeys.Where(k => !seen.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw Fail(1, "header", $"thiếu cột: {string.Join(", ", missing.Select(HeaderOf))} (missing columns)");
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
        }
        return raw;
    }
}
