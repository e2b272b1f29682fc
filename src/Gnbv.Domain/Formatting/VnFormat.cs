using System.Globalization;

namespace Gnbv.Domain.Formatting;

/// <summary>Vietnamese number and date formatting: 1.346,5 and dd/MM/yyyy, independent of the machine's culture.</summary>
public static class VnFormat
{
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static string Number(decimal value, int maxDecimals = 2)
    {
        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var format = maxDecimals > 0 ? "#,##0." + new string('#', maxDecimals) : "#,##0";
        return rounded.ToString(format, Numbers);
    }

    public static string Number(long value) => value.ToString("#,##0", Numbers);

    /// <summary>Đồng as million đồng, the unit reports use: 9835440000 -> "9.835,44".</summary>
    public static string Millions(long dong, int maxDecimals = 3) => Number(dong / 1_000_000m, maxDecimals);

    public static string Percent(decimal value, int decimals = 2) => Number(value, decimals) + "%";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
