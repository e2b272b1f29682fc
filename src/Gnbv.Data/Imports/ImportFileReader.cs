using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Gnbv.Domain.Formatting;

namespace Gnbv.Data.Imports;

/// <summary>Reads an import file: a gnbv-import/1 JSON package, or a CSV of data values.</summary>
public static class ImportFileReader
{
    public static readonly string[] CsvColumns = ["dataElement", "period", "orgUnit", "disaggregation", "value", "comment"];

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    }.Strict();

    /// <summary>Values of a semicolon-separated CSV: Vietnamese notation, decimals and a minus allowed, the English-ambiguous forms refused.</summary>
    public static readonly NumberRules SemicolonFileNumbers = new(Decimals: true, Negative: true, FromFile: true);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Parses bytes by name (".csv" is CSV, anything else JSON). Errors name the file, the line and the
    /// reason; a workbook, an archive or a file over <see cref="FileLimits.Packages"/> is refused unread.
    /// </summary>
    public static ImportPackage Read(byte[] bytes, string fileName, FileLimits? limits = null)
    {
        limits ??= FileLimits.Packages;
        if (bytes.Length == 0) throw FileRefused.Because("file", fileName, "tệp rỗng, không có dữ liệu (empty file)");
        if (bytes.Length > limits.MaxFileBytes)
            throw FileRefused.Because("file", fileName, $"tệp {bytes.Length} byte vượt giới hạn {limits.MaxFileBytes} byte (MaxFileBytes)");
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase)
            || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes.AsSpan().StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0]))
            throw FileRefused.Because("file", fileName, "là tệp Excel hoặc tệp nén; ở đây chỉ nhận JSON (gnbv-import/1) hoặc CSV giá trị chỉ tiêu; danh sách hộ dạng XLSX nhập ở 'Nhập danh sách hộ' (only JSON or CSV)");
        var isCsv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        return isCsv ? ReadCsv(bytes, fileName, limits) : ReadJson(bytes, fileName, limits);
    }

    public static ImportPackage ReadJson(byte[] bytes, string fileName = "package.json", FileLimits? limits = null)
    {
        limits ??= FileLimits.Packages;
        var text = TextFileCheck.Decode(bytes, "json", fileName);
        if (string.IsNullOrWhiteSpace(text)) throw FileRefused.Because("json", fileName, "tệp rỗng, không có dữ liệu (empty file)");
        ImportPackage package;
        try
        {
            package = JsonSerializer.Deserialize<ImportPackage>(text, Json)
                ?? throw FileRefused.Because("json", fileName, "tệp chỉ có 'null', không có dữ liệu (empty package)");
        }
        catch (JsonException e)
        {
            // Bad syntax is reported as such; a misspelt field, a key given twice, a control character name the JSON path.
            throw FileRefused.Because("json", fileName, JsonProblem.Describe(e).Message, e.LineNumber is { } l ? (int)l + 1 : null);
        }
        if (NullFields.Find(package) is { } missing)
            throw FileRefused.Because("json", fileName, missing.Message);
        var records = typeof(ImportPackage).GetProperties()
            .Select(p => p.GetValue(package)).OfType<System.Collections.ICollection>().Sum(c => (long)c.Count);
        if (records > limits.MaxRows)
            throw FileRefused.Because("json", fileName, $"có {records} bản ghi, vượt giới hạn {limits.MaxRows} bản ghi một tệp (MaxRows); chia thành nhiều tệp");
        return package;
    }

    public static ImportPackage ReadCsv(byte[] bytes, string fileName = "values.csv", FileLimits? limits = null)
    {
        limits ??= FileLimits.Packages;
        var text = TextFileCheck.Decode(bytes, "csv", fileName);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // From the header against the known columns, not by counting characters (see CsvDelimiter).
            Delimiter = CsvDelimiter.Detect(CsvDelimiter.FirstLine(text), h => CsvColumns.Contains(h, StringComparer.OrdinalIgnoreCase)),
            TrimOptions = TrimOptions.Trim,
            // A stray or unterminated quote is refused (BadDataException), not read as the rest of the file.
            MaxFieldSize = limits.MaxCellChars,
        };
        var vietnamese = config.Delimiter == ";";
        using var reader = new CsvReader(new StringReader(text.Normalize(NormalizationForm.FormC)), config);
        try
        {
            if (!reader.Read() || !reader.ReadHeader())
                throw Fail("csv", "thiếu dòng tiêu đề (missing header row)");
            var header = reader.HeaderRecord ?? [];
            var unknown = header.Where(h => !CsvColumns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
                throw Fail("csv", $"cột không hợp lệ: {string.Join(", ", unknown)}; các cột: {string.Join(",", CsvColumns)} (unknown columns)");
            foreach (var required in new[] { "dataElement", "period", "orgUnit", "value" })
                if (!header.Contains(required, StringComparer.OrdinalIgnoreCase))
                    throw Fail("csv", $"thiếu cột '{required}' (missing column)");

            // The apostrophe an export put before text that a spreadsheet would run as a formula is not data (CsvSafe).
            string? Field(string name) =>
                header.FirstOrDefault(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } h ? CsvSafe.Restore(reader.GetField(h)) : null;

            var rows = new List<DataValueRow>();
            var errors = new List<ImportError>();
            while (reader.Read())
            {
                // The record's row as a spreadsheet shows it, not the physical line where a multi-line comment ends.
                var line = reader.Parser.Row;
                if (rows.Count >= limits.MaxRows)
                    throw FileRefused.Because("dataValues", fileName, $"có hơn {limits.MaxRows} dòng dữ liệu, vượt giới hạn (MaxRows); chia thành nhiều tệp", line);
                if (UnclosedQuoteLine(reader.Parser) is { } open) throw UnclosedQuote("dataValues", fileName, open);
                if (reader.Parser.Count != header.Length)
                {
                    if (errors.Count < 100) errors.Add(new ImportError("dataValues", 0, line, "*", $"dòng có {reader.Parser.Count} cột, dòng tiêu đề có {header.Length} cột (wrong column count; a comma inside a field must be quoted)"));
                    continue;
                }
                var value = Field("value");
                if (value is ['=' or '@', ..] && errors.Count < 100)
                    errors.Add(new ImportError("dataValues", 0, line, "value", $"'{value}' là công thức, không phải số; hãy ghi giá trị số (formula where a number is expected)"));
                // A semicolon-separated file comes from a spreadsheet whose decimal mark is the comma (a
                // Vietnamese Excel): its numbers are read by the one Vietnamese reader ("1.346,5"), and
                // what reads differently in English ("1.5", "1.500") is refused, not guessed.
                else if (vietnamese && !string.IsNullOrWhiteSpace(value))
                {
                    if (VietnameseNumber.TryParse(value, SemicolonFileNumbers, out var number, out var error))
                        value = number.ToString(CultureInfo.InvariantCulture);
                    else if (errors.Count < 100)
                        errors.Add(new ImportError("dataValues", 0, line, "value", $"{error}; tệp phân cách bằng dấu chấm phẩy ghi số kiểu Việt Nam (semicolon file: Vietnamese notation)"));
                }
                rows.Add(new DataValueRow
                {
                    Line = line,
                    DataElement = Field("dataElement"),
                    Period = Field("period"),
                    OrgUnit = Field("orgUnit"),
                    Disaggregation = Field("disaggregation"),
                    Value = value,
                    Comment = Field("comment"),
                });
            }
            if (errors.Count > 0) throw new ImportFailedException(errors);
            return new ImportPackage { DataValues = rows };
        }
        catch (CsvHelperException e)
        {
            throw CsvBroken("dataValues", fileName, e);
        }
    }

    /// <summary>
    /// The line where a record with an odd number of quotes starts: its last quoted field was never
    /// closed and ran on to the end of the file. Null for a well-formed record.
    /// </summary>
    public static int? UnclosedQuoteLine(IParser parser)
    {
        var raw = parser.RawRecord.AsSpan();
        if (raw.Count('"') % 2 == 0) return null;
        // Inside the open quote every line break, the last one too, moved RawRow on: count them all
        // (trimming the last one reported the line after the one that opens the quote).
        return Math.Max(1, parser.RawRow - raw.Count('\n'));
    }

    public static ImportFailedException UnclosedQuote(string section, string fileName, int line) =>
        FileRefused.Because(section, fileName, $"dấu ngoặc kép \" mở ở dòng {line} không được đóng, phần còn lại của tệp bị đọc thành một ô (unterminated quote)", line);

    /// <summary>A CSV the parser gave up on: an unterminated quote runs to the end of the file, a field over the size limit.</summary>
    public static ImportFailedException CsvBroken(string section, string fileName, CsvHelperException e)
    {
        var row = e.Context?.Parser?.Row;
        var reason = e is MaxFieldSizeException
            ? "có ô dài quá giới hạn ký tự (MaxCellChars), thường do một dấu ngoặc kép \" không được đóng"
            : "không đọc được dòng này, thường do một dấu ngoặc kép \" không được đóng";
        return FileRefused.Because(section, fileName, $"{reason} (dòng {row}; malformed CSV)", row);
    }

    private static ImportFailedException Fail(string section, string message) =>
        new([new ImportError(section, 0, null, "file", message)]);
}
