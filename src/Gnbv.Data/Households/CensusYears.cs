using Gnbv.Domain;
using Gnbv.Domain.Time;

namespace Gnbv.Data.Households;

/// <summary>The census years a result may be recorded for: from 2000 to the current year in Vietnam.</summary>
public static class CensusYears
{
    public const int First = 2000;

    public static int Current(TimeProvider clock) => clock.VietnamYear();

    /// <summary>Refuses a year before 2000 or one that has not begun: a census records what was found.</summary>
    public static void Check(int year, TimeProvider clock)
    {
        if (year < First)
            throw new DomainException($"Năm rà soát {year} trước năm {First} (census year out of range)");
        var current = Current(clock);
        if (year > current)
            throw new DomainException($"Năm rà soát {year} chưa đến, năm nay là {current} (census year in the future)");
    }
}
