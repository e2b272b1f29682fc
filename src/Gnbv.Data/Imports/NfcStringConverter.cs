using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gnbv.Data.Imports;

/// <summary>
/// Reads every JSON string in Unicode form C, so a name or code typed with combining marks (NFD,
/// as macOS and some keyboards produce "ệ") matches the same text stored precomposed.
/// </summary>
public sealed class NfcStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Nfc(reader.GetString())
        : throw new JsonException($"expected a string, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public static string? Nfc(string? text) => text is null || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
