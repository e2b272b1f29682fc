using System.Globalization;

namespace Gnbv.Domain.Time;

/// <summary>
/// The test-only override of the clock: when <c>GNBV_TEST_NOW</c> holds an ISO 8601 instant
/// (<c>2027-07-06T12:00:00Z</c>), the process reads that instant as "now", so a test that starts
/// gnbv (or the web app) as a separate process decides dates as its in-process tests do. Unset,
/// it is the system clock. The pinned clock stands still: two runs at one pinned instant write the
/// same timestamps, which the crash tests' "re-run equals an untouched copy" checks rely on.
/// </summary>
public static class PinnedClock
{
    public const string Variable = "GNBV_TEST_NOW";

    /// <summary>The clock the host should register, read once at start.</summary>
    public static TimeProvider FromEnvironment() => FromValue(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The system clock for null or blank; a fixed clock for an instant; an error naming the variable otherwise.</summary>
    public static TimeProvider FromValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return TimeProvider.System;
        // An instant needs its offset: "2027-07-06 12:00" alone would mean the machine's local time.
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !HasOffset(value.Trim()))
            throw new ArgumentException(
                $"{Variable} phải là thời điểm ISO 8601 có múi giờ, ví dụ 2027-07-06T12:00:00Z ({Variable} must be an ISO 8601 instant with an offset); got '{value}'");
        return new FixedClock(instant);
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');

    /// <summary>Always the same instant. The local zone stays the system's: GNBV decides by Vietnam time, never local time.</summary>
    private sealed class FixedClock(DateTimeOffset instant) : TimeProvider
    {
        private readonly DateTimeOffset _utc = instant.ToUniversalTime();

        public override DateTimeOffset GetUtcNow() => _utc;
    }
}
