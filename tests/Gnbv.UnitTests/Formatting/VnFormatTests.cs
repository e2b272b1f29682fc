using Gnbv.Domain.Formatting;

namespace Gnbv.UnitTests.Formatting;

public class VnFormatTests
{
    [Theory]
    [InlineData(1346.5, 2, "1.346,5")]
    [InlineData(9835.44, 2, "9.835,44")]
    [InlineData(6.15, 2, "6,15")]
    [InlineData(400140, 2, "400.140")]
    [InlineData(0.125, 2, "0,13")]
    [InlineData(-1234.5, 1, "-1.234,5")]
    public void Number_UsesDotForThousandsAndCommaForDecimals(decimal value, int decimals, string expected) =>
        VnFormat.Number(value, decimals).ShouldBe(expected);

    [Theory]
    [InlineData(9_835_440_000L, "9.835,44")]
    [InlineData(1_346_000_000L, "1.346")]
    [InlineData(766_178_594L, "766,179")]
    [InlineData(0L, "0")]
    public void Millions_ShowsDongAsMillionDong(long dong, string expected) => VnFormat.Millions(dong).ShouldBe(expected);

    [Fact]
    public void PercentAndDate_FollowVietnameseConvention()
    {
        VnFormat.Percent(6.15m).ShouldBe("6,15%");
        VnFormat.Date(new DateOnly(2023, 5, 5)).ShouldBe("05/05/2023");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84", "'+84")]
    [InlineData("-2", "-2")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Bảo Lâm", "Bảo Lâm")]
    [InlineData(null, null)]
    public void CsvSafe_NeutralisesFormulaStarts(string? input, string? expected) => CsvSafe.Neutralise(input).ShouldBe(expected);
}
