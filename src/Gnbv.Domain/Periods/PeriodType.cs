namespace Gnbv.Domain.Periods;

public enum PeriodType
{
    Monthly = 1,
    Quarterly = 2,
    SixMonthly = 3,
    Yearly = 4,
    Phase = 5,
}

public static class PeriodTypes
{
    /// <summary>The kinds an indicator's values can be typed for: a phase (2021-2025) may overlap another phase.</summary>
    public static readonly IReadOnlyList<PeriodType> OfIndicators = [PeriodType.Monthly, PeriodType.Quarterly, PeriodType.SixMonthly, PeriodType.Yearly];

    /// <summary>The code in import files and the API (monthly, quarterly, six-monthly, yearly, phase).</summary>
    public static string Code(PeriodType type) => type switch
    {
        PeriodType.Monthly => "monthly",
        PeriodType.Quarterly => "quarterly",
        PeriodType.SixMonthly => "six-monthly",
        PeriodType.Yearly => "yearly",
        _ => "phase",
    };

    /// <summary>"theo tháng", "theo quý"...: how an indicator is typed, in the words of pages and errors.</summary>
    public static string VietnameseName(PeriodType type) => type switch
    {
        PeriodType.Monthly => "theo tháng",
        PeriodType.Quarterly => "theo quý",
        PeriodType.SixMonthly => "theo 6 tháng",
        PeriodType.Yearly => "theo năm",
        _ => "theo giai đoạn",
    };

    /// <summary>An example period of the kind, for messages: 202303, 2023Q1, 2023S1, 2023.</summary>
    public static string Example(PeriodType type) => type switch
    {
        PeriodType.Monthly => "202303",
        PeriodType.Quarterly => "2023Q1",
        PeriodType.SixMonthly => "2023S1",
        PeriodType.Yearly => "2023",
        _ => "2021-2025",
    };
}
