using System.Globalization;
using System.Text.RegularExpressions;

namespace Gnbv.Domain.Formatting;

/// <summary>What a column accepts, for <see cref="VietnameseNumber"/>.</summary>
/// <param name="Decimals">A decimal part after the comma ("1,5") is allowed; else whole numbers only.</param>
/// <param name="Negative">A leading minus is allowed.</param>
/// <param name="FromFile">
/// The text comes from a file that an English-locale spreadsheet may have written: a single group
/// after a dot or a comma ("1.500", "1,500") reads 1500 in Vietnamese and 1.5 in English, so in a
/// column that allows decimals it is refused as ambiguous. Pages show and take Vietnamese notation
/// only, so there "1.500" is the 1500 the page itself displayed.
/// </param>
public sealed record NumberRules(bool Decimals, bool Negative = false, bool FromFile = false)
{
    /// <summary>Money (đồng), counts, years: "1.500.000", "1500000" or "1 500 000".</summary>
    public static readonly NumberRules Whole = new(Decimals: false);

    /// <summary>A quantity in a file: "1,5", "1.500.000", "1500"; "1.5", "1.500" and "1,500" are refused.</summary>
    public static readonly NumberRules FileDecimal = new(Decimals: true, FromFile: true);

    /// <summary>A figure typed on the entry page: "1.346,5", "-2", "1.346" (what the page shows).</summary>
    public static readonly NumberRules Entry = new(Decimals: true, Negative: true);
}

/// <summary>
/// The one reader of numbers as Vietnamese officers write them: a dot (or a space) groups thousands,
/// a comma marks decimals ("1.346,5"). Only unambiguous forms are accepted: "1.5" is neither
/// Vietnamese thousands (groups have three digits) nor a Vietnamese decimal, so it is refused with
/// the reason instead of being read as 15 or as 1,5. Machine formats (the JSON API, the values CSV)
/// keep invariant notation and do not come here.
/// </summary>
public static partial class VietnameseNumber
{
    /// <summary>The shape the browser checks while the officer types (the entry page's pattern attribute).</summary>
    public const string Pattern = @"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?";

    /// <summary>Parses <paramref name="text"/>; false with a reason (Vietnamese, then English) when it is not a number the column takes.</summary>
    public static bool TryParse(string? text, NumberRules rules, out decimal value, out string error)
    {
        value = 0;
        error = "";
        var t = (text ?? "").Trim().Replace('\u00A0', ' ');
        if (t.Length == 0)
        {
            error = "trống (empty)";
            return false;
        }
        var match = Shape().Match(t);
        if (!match.Success)
        {
            error = $"'{t}' không phải số viết kiểu Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân, ví dụ 1.500.000 hoặc 1,5 (not a number in Vietnamese notation)";
            return false;
        }
        var negative = match.Groups["sign"].Success;
        var whole = match.Groups["whole"].Value;
        var fraction = match.Groups["fraction"].Success ? match.Groups["fraction"].Value : null;
        var groups = whole.Count(c => c is '.' or ' ');
        if (negative && !rules.Negative)
        {
            error = $"'{t}': số âm không được nhận ở đây (negative number)";
            return false;
        }
        if (fraction is not null && !rules.Decimals)
        {
            error = $"'{t}': cột này nhận số nguyên, không có phần thập phân (whole number expected)";
            return false;
        }
        if (rules.FromFile && rules.Decimals)
        {
            // One group of three after a dot, or three decimals after a comma on a short whole part:
            // the English reading differs from the Vietnamese one.
            if (groups == 1 && fraction is null)
            {
                error = $"'{t}' không rõ là {t.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)} hay số thập phân: viết 1500 hoặc 1,5 (ambiguous: thousands or decimal)";
                return false;
            }
            if (groups == 0 && fraction is { Length: 3 } && whole.Length <= 3 && whole != "0")
            {
                error = $"'{t}' không rõ là số thập phân hay {whole}{fraction}: viết {whole}{fraction} hoặc bỏ số 0 cuối (ambiguous: decimal or thousands)";
                return false;
            }
        }
        var invariant = (negative ? "-" : "") + whole.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            + (fraction is null ? "" : "." + fraction);
        if (!decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{t}': số quá lớn (number too large)";
            return false;
        }
        return true;
    }

    /// <summary>A whole number (money in đồng, counts), or null with <paramref name="error"/> set.</summary>
    public static long? ParseWhole(string? text, out string error) =>
        TryParse(text, NumberRules.Whole, out var value, out error)
            ? value <= long.MaxValue ? (long)value : Fail(out error, text)
            : null;

    private static long? Fail(out string error, string? text)
    {
        error = $"'{text}': số quá lớn (number too large)";
        return null;
    }

    /// <summary>Digits, or digits grouped by three with dots or spaces (one kind), then an optional comma and decimals.</summary>
    [GeneratedRegex(@"^(?<sign>-)?(?<whole>\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,(?<fraction>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
