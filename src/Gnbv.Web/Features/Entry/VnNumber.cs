using System.Globalization;
using Gnbv.Domain.Formatting;

namespace Gnbv.Web.Features.Entry;

/// <summary>Numbers as officers type them: 1.346,5 (Vietnamese) to the invariant 1346.5 of the importer, and back.</summary>
public static class VnNumber
{
    /// <summary>The browser checks the same shape while the officer types (pattern attribute).</summary>
    public const string Pattern = VietnameseNumber.Pattern;

    /// <summary>What an officer typed in a cell, read by the one Vietnamese number parser: "1.346,5", "1346,5", "1.346", "-2".</summary>
    public static bool TryParse(string typed, out decimal value, out string error) =>
        VietnameseNumber.TryParse(typed, NumberRules.Entry, out value, out error);

    public static string Show(decimal value) => Decimals.Normalize(value).ToString("#,##0.######", VnFormat.Numbers);

}
