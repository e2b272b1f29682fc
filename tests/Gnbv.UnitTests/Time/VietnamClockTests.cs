using Gnbv.Domain.Time;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Gnbv.UnitTests.Time;

public class VietnamClockTests
{
    [Theory]
    [InlineData("2026-12-31T16:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    [InlineData("2027-06-30T16:59:59Z", "2027-06-30")]
    [InlineData("2027-06-30T17:00:00Z", "2027-07-01")]
    public void VietnamToday_AroundMidnightInHanoi_TurnsAtSeventeenUtc(string utc, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        clock.VietnamToday().ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VietnamYear_OnNewYearsEveEveningUtc_IsTheNextYear()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero));

        clock.VietnamYear().ShouldBe(2027);
        clock.UtcNow().Year.ShouldBe(2026);
        clock.UtcNow().Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void ToVietnamTime_OfAStoredUtcInstant_AddsSevenHours()
    {
        var stored = new DateTime(2026, 12, 3, 19, 30, 0, DateTimeKind.Unspecified);

        VietnamClock.ToVietnamTime(stored).ShouldBe(new DateTime(2026, 12, 4, 2, 30, 0));
        VietnamClock.ToVietnamDate(stored).ShouldBe(new DateOnly(2026, 12, 4));
    }
}
