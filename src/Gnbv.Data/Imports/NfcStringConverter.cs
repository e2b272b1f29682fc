using System.Text.Json;
using System.Text.Json.Serialization;
using Gnbv.Domain.Formatting;

namespace Gnbv.Data.Imports;

/// <summary>
/// Reads every JSON string (property names too) through the one text check, then in Unicode form C,
/// so a name or code typed with combining marks (NFD, as macOS and some keyboards produce "ệ")
/// matches the same text stored precomposed, and a control character (NUL, which PostgreSQL refuses)
/// is a 400 naming the JSON path instead of a 500 on one database and stored text on the other.
/// </summary>
public sealed class NfcStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Checked(ref reader)
        : throw new JsonInputException($"cần một chuỗi, gặp {JsonProblem.Token(reader.TokenType)} (expected a string)");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    /// <summary>The string under the reader, checked and in form C; a broken escape or a control character is a <see cref="JsonInputException"/>.</summary>
    public static string Checked(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // "\ud800" alone: an escape that is not a character.
            throw new JsonInputException("chuỗi có ký tự hỏng (nửa cặp surrogate \\uD800-\\uDFFF) (invalid escape)");
        }
        if (TextCheck.FreeText(text) is { } problem) throw new JsonInputException(problem);
        return TextCheck.Nfc(text);
    }

    public static string? Nfc(string? text) => text is null ? null : TextCheck.Nfc(text);
}
