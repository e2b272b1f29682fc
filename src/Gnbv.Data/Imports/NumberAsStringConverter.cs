using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gnbv.Data.Imports;

/// <summary>Values come as strings (DHIS2) or as JSON numbers; both are kept as their exact text.</summary>
public sealed class NumberAsStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => NfcStringConverter.Checked(ref reader),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        _ => throw new JsonInputException($"cần một số hoặc chuỗi, gặp {JsonProblem.Token(reader.TokenType)} (expected a number or a string)"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
