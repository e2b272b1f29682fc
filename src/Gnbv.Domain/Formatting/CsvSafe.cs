namespace Gnbv.Domain.Formatting;

/// <summary>Keeps spreadsheet programs from running text as a formula when an export is opened.</summary>
public static class CsvSafe
{
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
