using Gnbv.Domain.Formatting;
using Shouldly;

namespace Gnbv.UnitTests.Formatting;

public class TextCheckTests
{
    [Theory]
    [InlineData("Hộ nghèo thôn Nà Mòn")]
    [InlineData("dòng 1\r\ndòng 2\n\tthụt lề")] // line breaks and tabs are text
    [InlineData("👍 e\u0301")]                   // a surrogate pair, a combining mark
    [InlineData("a\u200Db")]                      // a joiner belongs to some scripts and emoji
    [InlineData("")]
    public void FreeText_LettersMarksEmojiAndLineBreaks_Pass(string text) => TextCheck.FreeText(text).ShouldBeNull();

    [Theory]
    [InlineData("a\u0000b", "U+0000")] // PostgreSQL refuses it, SQLite stored it
    [InlineData("a\u0007", "U+0007")]
    [InlineData("\u001B[31m", "U+001B")]
    [InlineData("a\u007F", "U+007F")]
    [InlineData("a\u0085", "U+0085")]
    public void FreeText_ControlAndBrokenCharacters_AreRefusedNamingThem(string text, string named)
    {
        var problem = TextCheck.FreeText(text).ShouldNotBeNull();
        problem.ShouldContain(named);
        problem.ShouldContain("vị trí");
    }

    // Built in code: an attribute's string cannot hold half a surrogate pair (it becomes U+FFFD).
    [Fact]
    public void FreeText_HalfASurrogatePair_IsRefused_ItIsNotUtf8AtAll()
    {
        TextCheck.FreeText(new string(['a', (char)0xD800, 'b'])).ShouldNotBeNull().ShouldContain("U+D800");
        TextCheck.FreeText(new string(['a', (char)0xDC00])).ShouldNotBeNull().ShouldContain("U+DC00");
        TextCheck.FreeText(new string([(char)0xD800])).ShouldNotBeNull().ShouldContain("U+D800");
    }

    [Theory]
    [InlineData("PM-ZW-1")]
    [InlineData("DA1.TDA1")]
    [InlineData("Đường thôn")] // a kind in words: letters and an ordinary space
    public void Code_VisibleCharacters_Pass(string code) => TextCheck.Code(code).ShouldBeNull();

    [Theory]
    [InlineData("PM-ZW-1\u200B", "U+200B")] // two works that look the same
    [InlineData("PM-\u202EZW-1", "U+202E")] // right-to-left override
    [InlineData("PM\u2066-1", "U+2066")]
    [InlineData("\uFEFFPM-1", "U+FEFF")]
    [InlineData("PM\u00AD-1", "U+00AD")]
    [InlineData("PM\u00A01", "U+00A0")]
    [InlineData("PM\u30001", "U+3000")]
    [InlineData("PM-1\t", "U+0009")]
    [InlineData("PM-1\n", "U+000A")]
    [InlineData("PM\u2028", "U+2028")]
    [InlineData("PM\u0000", "U+0000")]
    public void Code_InvisibleBidiAndControlCharacters_AreRefusedNamingThem(string code, string named) =>
        TextCheck.Code(code).ShouldNotBeNull().ShouldContain(named);
}
