using System.Globalization;
using Gnbv.Domain.Formatting;

namespace Gnbv.Web.Features.Entry;

/// <summary>Numbers as officers type them: 1.346,5 (Vietnamese) to the invariant 1346.5 of the importer, and back.</summary>
public static class VnNumber
{
    /// <summary>The browser checks the same shape while the officer types (pattern attribute).</summary>
    public const string Pattern = @"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?";

    public static string ToInvariant(string typed)
    {
        var t = typed.Trim().Replace(" ", "", StringComparison.Ordinal);
        // "1.346,5" and "1346,5" and "1.346": dots group thousands, the comma is the decimal mark.
        return t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
    }

    public static string Show(decimal value) => Decimals.Normalize(value).ToString("#,##0.######", VnFormat.Numbers);

    public static bool LooksValid(string typed) =>
        System.Text.RegularExpressions.Regex.IsMatch(typed.Trim(), "^" + Pattern + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)
        && decimal.TryParse(ToInvariant(typed), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
