using Gnbv.Domain.Time;

namespace Gnbv.UnitTests.Time;

public class PinnedClockTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromValue_Unset_IsTheSystemClock(string? value) =>
        PinnedClock.FromValue(value).ShouldBeSameAs(TimeProvider.System);

    [Theory]
    [InlineData("2027-07-06T12:00:00Z", "2027-07-06T12:00:00Z", "2027-07-06")]
    [InlineData("2026-12-31T20:00:00Z", "2026-12-31T20:00:00Z", "2027-01-01")]
    [InlineData("2027-01-01T03:00:00+07:00", "2026-12-31T20:00:00Z", "2027-01-01")]
    [InlineData(" 2026-12-03T03:00:00z ", "2026-12-03T03:00:00Z", "2026-12-03")]
    public void FromValue_AnInstant_PinsNowAndVietnamsDate(string value, string utc, string vietnamDate)
    {
        var clock = PinnedClock.FromValue(value);

        clock.GetUtcNow().ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        clock.GetUtcNow().Offset.ShouldBe(TimeSpan.Zero);
        clock.VietnamToday().ShouldBe(DateOnly.Parse(vietnamDate, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromValue_StandsStill_SoTwoRunsWriteTheSameTimestamps()
    {
        var clock = PinnedClock.FromValue("2027-07-06T12:00:00Z");
        var first = clock.UtcNow();
        Thread.Sleep(20);

        clock.UtcNow().ShouldBe(first);
    }

    [Theory]
    [InlineData("2027-07-06 12:00")]
    [InlineData("2027-07-06")]
    [InlineData("tomorrow")]
    [InlineData("2027-13-01T00:00:00Z")]
    public void FromValue_NotAnInstantWithItsOffset_IsRefusedNamingTheVariable(string value)
    {
        var e = Should.Throw<ArgumentException>(() => PinnedClock.FromValue(value));

        e.Message.ShouldContain("GNBV_TEST_NOW");
        e.Message.ShouldContain(value);
    }
}
