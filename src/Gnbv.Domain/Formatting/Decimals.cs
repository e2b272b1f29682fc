using System.Globalization;

namespace Gnbv.Domain.Formatting;

public static class Decimals
{
    /// <summary>Drops the trailing zeros a numeric(24,6) column or SQLite text adds: 4.000000 -> 4.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The value as exchange formats write it: invariant, no trailing zeros ("168.8").</summary>
    public static string Invariant(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);
}
