using Gnbv.Domain.Formatting;
using Shouldly;

namespace Gnbv.UnitTests.Formatting;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("1.500.000", 1500000)]
    [InlineData("1500000", 1500000)]
    [InlineData("1 500 000", 1500000)]
    [InlineData(" 1.500 ", 1500)]
    [InlineData("0", 0)]
    public void Whole_ThousandsGroupsOrPlainDigits_AreRead(string text, long expected)
    {
        VietnameseNumber.ParseWhole(text, out var error).ShouldBe(expected, error);
    }

    [Theory]
    [InlineData("1.500.000,50")] // a decimal part in a column of whole đồng: was stored as 150.000.050
    [InlineData("1,5")]          // was read as 15
    [InlineData("1.5")]          // was read as 15
    [InlineData("1.50")]
    [InlineData("1.5000")]
    [InlineData("1,500,000")]    // English grouping
    [InlineData("1.500 000")]    // two kinds of separator
    [InlineData("-5")]
    [InlineData("12a")]
    [InlineData("")]
    public void Whole_AnythingElse_IsRefusedWithAReason(string text)
    {
        VietnameseNumber.ParseWhole(text, out var error).ShouldBeNull();
        error.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("0,125", "0.125")]
    [InlineData("1.500.000", "1500000")]
    [InlineData("1.500,25", "1500.25")]
    [InlineData("15", "15")]
    public void FileDecimal_UnambiguousForms_AreRead(string text, string expected)
    {
        VietnameseNumber.TryParse(text, NumberRules.FileDecimal, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.5")]   // English decimal: not Vietnamese notation
    [InlineData("1.500")] // 1500 in Vietnamese, 1.5 in English
    [InlineData("1,500")] // 1,5 in Vietnamese, 1500 in English
    public void FileDecimal_AmbiguousForms_AreRefused(string text)
    {
        VietnameseNumber.TryParse(text, NumberRules.FileDecimal, out _, out var error).ShouldBeFalse();
        error.ShouldContain(text);
    }

    // The entry page: what it shows ("1.346" for 1346) is read back as it was shown.
    [Theory]
    [InlineData("1.346,5", "1346.5")]
    [InlineData("1346,5", "1346.5")]
    [InlineData("1.346", "1346")]
    [InlineData("1,500", "1.5")]
    [InlineData("-2", "-2")]
    [InlineData("-0,75", "-0.75")]
    [InlineData("168,8", "168.8")]
    public void Entry_AcceptedInputs(string text, string expected)
    {
        VietnameseNumber.TryParse(text, NumberRules.Entry, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("168.8")]
    [InlineData("1,346.5")]
    [InlineData("1.34.6")]
    [InlineData("1,2,3")]
    [InlineData("+5")]
    [InlineData("5-")]
    [InlineData("1e3")]
    [InlineData("abc")]
    public void Entry_RefusedInputs(string text)
    {
        VietnameseNumber.TryParse(text, NumberRules.Entry, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void Pattern_TheBrowsersCheck_AcceptsWhatTheEntryParserAccepts()
    {
        var regex = new System.Text.RegularExpressions.Regex("^" + VietnameseNumber.Pattern + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        foreach (var text in new[] { "1.346,5", "1346,5", "1.346", "-2", "168,8" })
            regex.IsMatch(text).ShouldBeTrue(text);
        foreach (var text in new[] { "1.5", "168.8", "1,346.5" })
            regex.IsMatch(text).ShouldBeFalse(text);
    }
}
