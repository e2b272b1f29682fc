using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gnbv.Data.Imports;

/// <summary>Reads an import file: a gnbv-import/1 JSON package, or a CSV of data values.</summary>
public static class ImportFileReader
{
    public static readonly string[] CsvColumns = ["dataElement", "period", "orgUnit", "disaggregation", "value", "comment"];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Parses bytes by name (".csv" is CSV, anything else JSON). Errors name the line.</summary>
    public static ImportPackage Read(byte[] bytes, string fileName)
    {
        var isCsv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        return isCsv ? ReadCsv(bytes) : ReadJson(bytes);
    }

    public static ImportPackage ReadJson(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<ImportPackage>(bytes, Json)
                ?? throw Fail("json", "tệp rỗng (empty file)");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"dòng (line) {line + 1}, cột {e.BytePositionInLine + 1}" : "";
            throw Fail("json", $"JSON không hợp lệ {where}: {e.Message}");
        }
    }

    public static ImportPackage ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Fail("csv", "tệp không phải UTF-8; lưu lại tệp CSV với mã hóa UTF-8 (file is not UTF-8)");
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            // A short row (found by gnbv fuzz) threw MissingFieldException; its missing fields are now empty and reported as required.
            MissingFieldFound = null,
        };
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), config);
        if (!reader.Read() || !reader.ReadHeader())
            throw Fail("csv", "thiếu dòng tiêu đề (missing header row)");
        var header = reader.HeaderRecord ?? [];
        var unknown = header.Where(h => !CsvColumns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw Fail("csv", $"cột không hợp lệ: {string.Join(", ", unknown)}; các cột: {string.Join(",", CsvColumns)} (unknown columns)");
        foreach (var required in new[] { "dataElement", "period", "orgUnit", "value" })
            if (!header.Contains(required, StringComparer.OrdinalIgnoreCase))
                throw Fail("csv", $"thiếu cột '{required}' (missing column)");

        string? Field(string name) =>
            header.FirstOrDefault(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } h ? reader.GetField(h) : null;

        var rows = new List<DataValueRow>();
        while (reader.Read())
        {
            rows.Add(new DataValueRow
            {
                // The record's row as a spreadsheet shows it (as the household reader counts), not the
                // physical line where a comment with line breaks ends.
                Line = reader.Parser.Row,
                DataElement = Field("dataElement"),
                Period = Field("period"),
                OrgUnit = Field("orgUnit"),
                Disaggregation = Field("disaggregation"),
                Value = Field("value"),
                Comment = Field("comment"),
            });
        }
        return new ImportPackage { DataValues = rows };
    }

    private static ImportFailedException Fail(string section, string message) =>
        new([new ImportError(section, 0, null, "file", message)]);
}
