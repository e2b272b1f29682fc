namespace Gnbv.Domain.Households;

/// <summary>
/// A multidimensional poverty standard as data (Decree 07/2021/NĐ-CP for 2022-2025, Decree
/// 351/2025/NĐ-CP for 2027-2030): income lines per area, the score-A lines of the census's scoring
/// form, the average-living-standard band, and the deprivation indicators with how many make a
/// household poor. A census round is classified under the standard whose years contain it.
/// </summary>
public class PovertyStandard
{
    public int Id { get; set; }

    /// <summary>Named by its years: "2022-2025".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? LegalBasis { get; set; }

    /// <summary>First and last census year classified under this standard (2022-2025 stays in force through 2026).</summary>
    public int FromYear { get; set; }
    public int ToYear { get; set; }

    /// <summary>Average income per person per month, đồng: at or below it the household is poor or near-poor.</summary>
    public long IncomeLineRural { get; set; }
    public long IncomeLineUrban { get; set; }

    /// <summary>Upper end of the average-living-standard band (income above the line, at most this); null when the standard has none.</summary>
    public long? AverageUpperRural { get; set; }
    public long? AverageUpperUrban { get; set; }

    /// <summary>Score A (income estimated by the scoring form) at or below which the household is under the income line; null when not published.</summary>
    public int? ScoreALineRural { get; set; }
    public int? ScoreALineUrban { get; set; }

    /// <summary>Deprived on at least this many indicators (score B >= this × points) makes a household under the line poor.</summary>
    public int PoorMinDeprivations { get; set; } = 3;
    public int PointsPerDeprivation { get; set; } = 10;

    public List<DeprivationIndicator> Indicators { get; set; } = [];

    public bool Covers(int year) => FromYear <= year && year <= ToYear;

    public long IncomeLine(Area area) => area == Area.Urban ? IncomeLineUrban : IncomeLineRural;
    public long? AverageUpper(Area area) => area == Area.Urban ? AverageUpperUrban : AverageUpperRural;
    public int? ScoreALine(Area area) => area == Area.Urban ? ScoreALineUrban : ScoreALineRural;
}

/// <summary>One of the deprivation indicators of a standard, in its dimension.</summary>
public class DeprivationIndicator
{
    public int Id { get; set; }
    public int PovertyStandardId { get; set; }
    public required string Code { get; set; }
    public required string Dimension { get; set; }
    public required string Name { get; set; }
    public int Sort { get; set; }

    /// <summary>This indicator's bit in a census entry's deprivation mask (its place in the standard).</summary>
    public int Bit => 1 << Sort;

    public bool IsSetIn(int mask) => (mask & Bit) != 0;
}

public enum Area
{
    Rural = 0,
    Urban = 1,
}

public enum HouseholdStatus
{
    NotPoor = 0,
    Average = 1,
    NearPoor = 2,
    Poor = 3,
}

public static class HouseholdStatuses
{
    public static string Code(HouseholdStatus s) => s switch
    {
        HouseholdStatus.Poor => "poor",
        HouseholdStatus.NearPoor => "near-poor",
        HouseholdStatus.Average => "average",
        _ => "not-poor",
    };

    public static string VietnameseName(HouseholdStatus s) => s switch
    {
        HouseholdStatus.Poor => "hộ nghèo",
        HouseholdStatus.NearPoor => "hộ cận nghèo",
        HouseholdStatus.Average => "hộ có mức sống trung bình",
        _ => "hộ không nghèo",
    };

    public static string AreaCode(Area a) => a == Area.Urban ? "urban" : "rural";

    public static Area ParseArea(string text) => text.Trim().ToLowerInvariant() switch
    {
        "rural" or "nông thôn" or "nong-thon" => Area.Rural,
        "urban" or "thành thị" or "thanh-thi" => Area.Urban,
        _ => throw new DomainException($"Khu vực '{text}' không có; dùng rural (nông thôn) hoặc urban (thành thị) (unknown area)"),
    };
}
