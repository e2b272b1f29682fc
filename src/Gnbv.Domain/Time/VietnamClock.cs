namespace Gnbv.Domain.Time;

/// <summary>
/// The one place that turns "now" into the instants and dates GNBV decides by. Every caller reads
/// an injected <see cref="TimeProvider"/> (the system clock in production, a pinned one in tests
/// and under the CLI's test-only override), never the wall clock directly. Vietnam has kept UTC+7
/// without daylight saving since 1975, so a fixed offset is exact and needs no time-zone database.
/// </summary>
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The current instant as a UTC <see cref="DateTime"/>, the form the database stores.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in Vietnam: deadlines, locks and "not in the future" checks use it.</summary>
    public static DateOnly VietnamToday(this TimeProvider clock) => ToVietnamDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>The current year in Vietnam (the census year a save defaults to).</summary>
    public static int VietnamYear(this TimeProvider clock) => clock.VietnamToday().Year;

    /// <summary>A stored UTC instant as Vietnam's wall-clock time, for display.</summary>
    public static DateTime ToVietnamTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    /// <summary>The date in Vietnam of a stored UTC instant.</summary>
    public static DateOnly ToVietnamDate(DateTime utc) => DateOnly.FromDateTime(ToVietnamTime(utc));
}
