using Microsoft.Extensions.Time.Testing;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// The date every test lives on, whatever day the suite runs: 3 December 2026, 10:00 in Vietnam.
/// The demo's periods (2023) are long due, 2027's are ahead, and it is neither the end of a
/// half-year nor the 17:00 UTC turn of Vietnam's day, so UTC and Vietnam agree on the date.
/// A test that needs another date makes its own clock (a FakeTimeProvider cannot go back).
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Pinned = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The value of GNBV_TEST_NOW that pins a gnbv child process to the same instant.</summary>
    public static string Variable => Pinned.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static FakeTimeProvider Create(DateTimeOffset? at = null) => new(at ?? Pinned);
}
