using System.Text;
using System.Text.Encodings.Web;

namespace Gnbv.Reports.Templating;

/// <summary>
/// Keeps what a template prints apart from what it is. Everything a template outputs with
/// <c>{{ }}</c> (narratives, names, figures) is wrapped in two Unicode noncharacters, which
/// Unicode reserves for a program's internal use; the line reader then takes layout (<c># </c>,
/// <c>[[table:...]]</c>) only from the template's own text, outside the marks, and drops the marks.
/// So a narrative line <c># text</c> or <c>[[table:capital]]</c> stays a paragraph of that text.
/// </summary>
public static class TextMarks
{
    public const char Start = '\uFDD0';
    public const char End = '\uFDD1';

    /// <summary>The text without marks.</summary>
    public static string Strip(string text) => text.IndexOf(Start) < 0 && text.IndexOf(End) < 0
        ? text
        : text.Replace(Start.ToString(), "", StringComparison.Ordinal).Replace(End.ToString(), "", StringComparison.Ordinal);

    /// <summary>A value as it is written into the rendered text: marked, on one line (a line is a block).</summary>
    internal static void WriteValue(TextWriter output, ReadOnlySpan<char> value)
    {
        output.Write(Start);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is not (Start or End or '\n' or '\r')) continue;
            output.Write(value[start..i]);
            if (c is '\n' or '\r') output.Write(' ');
            start = i + 1;
        }
        output.Write(value[start..]);
        output.Write(End);
    }
}

/// <summary>The "encoder" Fluid passes every output value through: it marks the value as text.</summary>
internal sealed class TextMarkEncoder : TextEncoder
{
    public static readonly TextMarkEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 1;

    public override string Encode(string value)
    {
        using var writer = new StringWriter(new StringBuilder(value.Length + 2), System.Globalization.CultureInfo.InvariantCulture);
        TextMarks.WriteValue(writer, value);
        return writer.ToString();
    }

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount) =>
        TextMarks.WriteValue(output, value.AsSpan(startIndex, characterCount));

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        TextMarks.WriteValue(output, value.AsSpan(startIndex, characterCount));

    // The span and UTF-8 paths of TextEncoder are not used by Fluid's writers; nothing is escaped.
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) => -1;

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        numberOfCharactersWritten = 0;
        return false;
    }

    public override bool WillEncode(int unicodeScalar) => false;
}
