using Gnbv.Domain;

namespace Gnbv.Data.Households;

/// <summary>The census years a result may be recorded for: from 2000 to the current year in Vietnam.</summary>
public static class CensusYears
{
    public const int First = 2000;

    public static int Current => DateTime.UtcNow.AddHours(7).Year;

    /// <summary>Refuses a year before 2000 or one that has not begun: a census records what was found.</summary>
    public static void Check(int year)
    {
        if (year < First)
            throw new DomainException($"Năm rà soát {year} trước năm {First} (census year out of range)");
        if (year > Current)
            throw new DomainException($"Năm rà soát {year} chưa đến, năm nay là {Current} (census year in the future)");
    }
}
