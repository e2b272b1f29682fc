using System.Globalization;

namespace Gnbv.Domain.Formatting;

/// <summary>Keeps spreadsheet programs from running text as a formula when an export is opened.</summary>
public static class CsvSafe
{
    /// <summary>
    /// Prefixes an apostrophe to text starting with =, +, -, @, tab or carriage return. A plain negative
    /// number ("-2.5") is left alone: it is a figure, not a formula, and must stay a number in the sheet.
    /// </summary>
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNegativeNumber(text) ? "'" + text : text;

    private static bool IsNegativeNumber(string text) =>
        text.Length > 1 && text[0] == '-' && char.IsAsciiDigit(text[1])
        && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
