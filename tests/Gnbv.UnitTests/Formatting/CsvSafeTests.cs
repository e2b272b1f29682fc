using CsCheck;
using Gnbv.Domain.Formatting;

namespace Gnbv.UnitTests.Formatting;

/// <summary>Issue 15 item 7: the apostrophe an export adds came back as data on re-import.</summary>
public class CsvSafeTests
{
    [Theory]
    [InlineData("'- 5 hộ ở Xóm 1", "- 5 hộ ở Xóm 1")]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'@SUM(A1)", "@SUM(A1)")]
    [InlineData("''=x", "'=x")]
    [InlineData("'abc", "'abc")]
    [InlineData("'-2", "'-2")]
    [InlineData("'", "'")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("Bảo Lâm", "Bảo Lâm")]
    [InlineData(null, null)]
    public void Restore_RemovesOnlyTheApostropheNeutraliseAdds(string? exported, string? expected) => CsvSafe.Restore(exported).ShouldBe(expected);

    [Fact]
    public void Neutralise_OfTextThatStartsWithAnApostropheBeforeAFormula_AddsOneMore() =>
        CsvSafe.Neutralise("'=x").ShouldBe("''=x");

    [Fact]
    public void RestoreAfterNeutralise_IsTheTextItself_ForAnyText() =>
        Gen.String[Gen.Char["'=+-@\t\r 0123456789.aBđ"], 0, 8].Sample(text =>
        {
            CsvSafe.Restore(CsvSafe.Neutralise(text)).ShouldBe(text);
            // And what Neutralise gives is never run as a formula by a spreadsheet.
            var exported = CsvSafe.Neutralise(text)!;
            (exported is "" || exported[0] is not ('=' or '+' or '@' or '\t' or '\r')).ShouldBeTrue(exported);
        }, iter: 20_000, seed: "0N0XIzNsQ0O2");
}
