using Gnbv.Domain.Formatting;

namespace Gnbv.Domain.Households;

/// <summary>The outcome of classifying one household, with the line and scores that decided it.</summary>
public sealed record Classification(
    HouseholdStatus Status,
    string Standard,
    Area Area,
    long? Income,
    long IncomeLine,
    int? ScoreA,
    int? ScoreALine,
    bool UnderLine,
    IReadOnlyList<string> Deprived,
    int ScoreB,
    int PoorMinScoreB,
    long? AverageUpper,
    IReadOnlyList<string> Reasons)
{
    public string StatusCode => HouseholdStatuses.Code(Status);
}

/// <summary>
/// Decree 07/2021/NĐ-CP's rule, parameterised by the standard: under the income line (income, or
/// score A of the scoring form, at or below the line) and deprived on at least N indicators: poor;
/// under the line and fewer: near-poor; above the line and within the average band (income only):
/// average living standard; otherwise not poor.
/// </summary>
public static class PovertyClassifier
{
    public static Classification Classify(PovertyStandard standard, Area area, long? income, int? scoreA, IEnumerable<string>? deprived)
    {
        if (income is null == scoreA is null)
            throw new DomainException("Cho thu nhập bình quân (income) hoặc điểm A (score-a), đúng một trong hai (give income or score A, exactly one)");
        if (income < 0) throw new DomainException($"Thu nhập {income} âm (income must not be negative)");
        if (scoreA < 0) throw new DomainException($"Điểm A {scoreA} âm (score A must not be negative)");

        var known = standard.Indicators.OrderBy(i => i.Sort).Select(i => i.Code).ToList();
        var codes = (deprived ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = codes.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new DomainException($"Chỉ số thiếu hụt không có trong chuẩn {standard.Code}: {string.Join(", ", unknown)}; dùng: {string.Join(", ", known)} (unknown deprivation indicator)");
        codes = known.Where(codes.Contains).ToList();

        var line = standard.IncomeLine(area);
        var areaName = area == Area.Urban ? "thành thị" : "nông thôn";
        int? scoreLine = null;
        bool under;
        var reasons = new List<string>();
        if (income is { } i)
        {
            under = i <= line;
            reasons.Add($"Thu nhập bình quân {VnFormat.Number(i)} đồng/người/tháng {(under ? "≤" : ">")} chuẩn {areaName} {VnFormat.Number(line)} đồng");
        }
        else
        {
            scoreLine = standard.ScoreALine(area)
                ?? throw new DomainException($"Chuẩn {standard.Code} chưa có ngưỡng điểm A cho khu vực {areaName}; nhập thu nhập bình quân (no score-A line in this standard)");
            under = scoreA!.Value <= scoreLine;
            reasons.Add($"Điểm A {scoreA} {(under ? "≤" : ">")} ngưỡng {areaName} {scoreLine} điểm (tương ứng chuẩn thu nhập {VnFormat.Number(line)} đồng)");
        }

        var scoreB = codes.Count * standard.PointsPerDeprivation;
        var poorScoreB = standard.PoorMinDeprivations * standard.PointsPerDeprivation;
        var deprivedText = codes.Count == 0 ? "không thiếu hụt chỉ số nào (điểm B = 0)"
            : $"thiếu hụt {codes.Count} chỉ số ({string.Join(", ", codes)}), điểm B = {scoreB}";
        var upper = standard.AverageUpper(area);
        HouseholdStatus status;
        if (under)
        {
            status = scoreB >= poorScoreB ? HouseholdStatus.Poor : HouseholdStatus.NearPoor;
            reasons.Add($"{deprivedText} {(scoreB >= poorScoreB ? "≥" : "<")} {poorScoreB} ({standard.PoorMinDeprivations} chỉ số)");
        }
        else if (income is { } above && upper is { } u && above <= u)
        {
            status = HouseholdStatus.Average;
            reasons.Add($"Trên chuẩn và ≤ {VnFormat.Number(u)} đồng: mức sống trung bình");
        }
        else
        {
            status = HouseholdStatus.NotPoor;
            if (upper is { } u2 && income is not null) reasons.Add($"Trên mức sống trung bình ({VnFormat.Number(u2)} đồng)");
            else if (upper is not null) reasons.Add("Mức sống trung bình xác định theo thu nhập, không theo điểm A");
        }
        reasons.Add($"Chuẩn {standard.Code}: {HouseholdStatuses.VietnameseName(status)}");
        return new Classification(status, standard.Code, area, income, line, scoreA, scoreLine, under, codes, scoreB, poorScoreB,
            upper, reasons);
    }
}
