using System.Globalization;

namespace Gnbv.Domain.Formatting;

/// <summary>
/// Keeps spreadsheet programs from running text as a formula when an export is opened, and undoes
/// exactly that when the file comes back: <c>Restore(Neutralise(t)) == t</c> for every text, so an
/// exported list re-imported unchanged is unchanged.
/// </summary>
public static class CsvSafe
{
    /// <summary>
    /// Prefixes an apostrophe to text starting with =, +, -, @, tab or carriage return. A plain negative
    /// number ("-2.5") is left alone: it is a figure, not a formula, and must stay a number in the sheet.
    /// Text that already starts with an apostrophe before such a character ("'=x" typed by someone) gets
    /// one more, so that <see cref="Restore"/> gives it back as it was.
    /// </summary>
    public static string? Neutralise(string? text) => text is not null && NeedsPrefix(text) ? "'" + text : text;

    /// <summary>Removes the apostrophe <see cref="Neutralise"/> added, and nothing else: "'abc" stays as typed.</summary>
    public static string? Restore(string? text) => text is ['\'', .. var rest] && NeedsPrefix(rest) ? rest : text;

    private static bool NeedsPrefix(string text) => text switch
    {
        ['=' or '+' or '-' or '@' or '\t' or '\r', ..] => !IsNegativeNumber(text),
        ['\'', .. var rest] => NeedsPrefix(rest),
        _ => false,
    };

    private static bool IsNegativeNumber(string text) =>
        text.Length > 1 && text[0] == '-' && char.IsAsciiDigit(text[1])
        && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
