using System.Text.Json;
using Gnbv.Domain;
using Gnbv.Domain.Households;

namespace Gnbv.UnitTests.Households;

/// <summary>Classification under the shipped standards: both areas, income and score A, every edge and every indicator.</summary>
public class PovertyClassifierTests
{
    private static readonly Dictionary<string, PovertyStandard> Shipped = Load();

    private static Dictionary<string, PovertyStandard> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "poverty-standards.json")));
        return doc.RootElement.GetProperty("povertyStandards").Deserialize<List<PovertyStandard>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .ToDictionary(s => s.Code);
    }

    private static readonly string[] Three = ["water", "sanitation", "telecom"];
    private static readonly string[] Two = ["water", "sanitation"];

    private static HouseholdStatus Income(string standard, Area area, long income, params string[] deprived) =>
        PovertyClassifier.Classify(Shipped[standard], area, income, null, deprived).Status;

    private static HouseholdStatus ScoreA(string standard, Area area, int score, params string[] deprived) =>
        PovertyClassifier.Classify(Shipped[standard], area, null, score, deprived).Status;

    public static TheoryData<string, Area, long, int, HouseholdStatus> IncomeEdges => new()
    {
        // standard, area, income, deprivations, expected
        { "2022-2025", Area.Rural, 1_500_000, 3, HouseholdStatus.Poor },
        { "2022-2025", Area.Rural, 1_500_000, 2, HouseholdStatus.NearPoor },
        { "2022-2025", Area.Rural, 0, 0, HouseholdStatus.NearPoor },
        { "2022-2025", Area.Rural, 1_500_001, 3, HouseholdStatus.Average },
        { "2022-2025", Area.Rural, 2_250_000, 12, HouseholdStatus.Average },
        { "2022-2025", Area.Rural, 2_250_001, 0, HouseholdStatus.NotPoor },
        { "2022-2025", Area.Urban, 2_000_000, 3, HouseholdStatus.Poor },
        { "2022-2025", Area.Urban, 2_000_000, 2, HouseholdStatus.NearPoor },
        { "2022-2025", Area.Urban, 2_000_001, 3, HouseholdStatus.Average },
        { "2022-2025", Area.Urban, 3_000_000, 0, HouseholdStatus.Average },
        { "2022-2025", Area.Urban, 3_000_001, 0, HouseholdStatus.NotPoor },
        { "2022-2025", Area.Urban, 1_500_001, 1, HouseholdStatus.NearPoor },
        { "2027-2030", Area.Rural, 2_200_000, 3, HouseholdStatus.Poor },
        { "2027-2030", Area.Rural, 2_200_000, 2, HouseholdStatus.NearPoor },
        { "2027-2030", Area.Rural, 1_500_001, 0, HouseholdStatus.NearPoor },
        { "2027-2030", Area.Rural, 2_200_001, 3, HouseholdStatus.NotPoor },
        { "2027-2030", Area.Urban, 2_800_000, 3, HouseholdStatus.Poor },
        { "2027-2030", Area.Urban, 2_800_000, 2, HouseholdStatus.NearPoor },
        { "2027-2030", Area.Urban, 2_800_001, 12, HouseholdStatus.NotPoor },
        { "2027-2030", Area.Urban, 2_000_001, 0, HouseholdStatus.NearPoor },
    };

    [Theory]
    [MemberData(nameof(IncomeEdges))]
    public void Income_AtTheLineIsUnder_OneĐồngAboveIsNot(string standard, Area area, long income, int deprivations, HouseholdStatus expected)
    {
        var deprived = Shipped[standard].Indicators.Take(deprivations).Select(i => i.Code).ToArray();
        Income(standard, area, income, deprived).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Area.Rural, 140, 3, HouseholdStatus.Poor)]
    [InlineData(Area.Rural, 140, 2, HouseholdStatus.NearPoor)]
    [InlineData(Area.Rural, 0, 0, HouseholdStatus.NearPoor)]
    [InlineData(Area.Rural, 141, 3, HouseholdStatus.NotPoor)]
    [InlineData(Area.Urban, 175, 3, HouseholdStatus.Poor)]
    [InlineData(Area.Urban, 175, 2, HouseholdStatus.NearPoor)]
    [InlineData(Area.Urban, 176, 5, HouseholdStatus.NotPoor)]
    [InlineData(Area.Urban, 141, 0, HouseholdStatus.NearPoor)]
    public void ScoreA_2022_AtTheLineIsUnder_OnePointAboveIsNot(Area area, int score, int deprivations, HouseholdStatus expected)
    {
        var deprived = Shipped["2022-2025"].Indicators.Take(deprivations).Select(i => i.Code).ToArray();
        ScoreA("2022-2025", area, score, deprived).ShouldBe(expected);
    }

    [Fact]
    public void ScoreA_AboveTheLine_IsNotPoor_AndSaysTheAverageBandIsByIncome()
    {
        var result = PovertyClassifier.Classify(Shipped["2022-2025"], Area.Rural, null, 150, []);
        result.Status.ShouldBe(HouseholdStatus.NotPoor);
        result.Reasons.ShouldContain(r => r.Contains("theo thu nhập, không theo điểm A"));
    }

    [Theory]
    [InlineData(Area.Rural)]
    [InlineData(Area.Urban)]
    public void ScoreA_2027_HasNoPublishedLine_AndSaysSo(Area area)
    {
        var e = Should.Throw<DomainException>(() => ScoreA("2027-2030", area, 100));
        e.Message.ShouldContain("chưa có ngưỡng điểm A");
    }

    public static TheoryData<string, string> EveryIndicator()
    {
        var data = new TheoryData<string, string>();
        foreach (var standard in Shipped.Values)
            foreach (var i in standard.Indicators)
                data.Add(standard.Code, i.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryIndicator))]
    public void EachIndicator_CountsTenPoints_AndIsTheThirdThatMakesAHouseholdPoor(string standard, string code)
    {
        var s = Shipped[standard];
        var line = s.IncomeLineRural;
        var one = PovertyClassifier.Classify(s, Area.Rural, line, null, [code]);
        one.ScoreB.ShouldBe(10);
        one.Deprived.ShouldBe([code]);
        one.Status.ShouldBe(HouseholdStatus.NearPoor);
        var others = s.Indicators.Select(i => i.Code).Where(c => c != code).Take(2).ToArray();
        var three = PovertyClassifier.Classify(s, Area.Rural, line, null, [.. others, code]);
        three.ScoreB.ShouldBe(30);
        three.Status.ShouldBe(HouseholdStatus.Poor);
        PovertyClassifier.Classify(s, Area.Rural, line, null, others).Status.ShouldBe(HouseholdStatus.NearPoor, $"without {code}");
    }

    [Fact]
    public void TheStandards_ListTheTwelveIndicators_OfTheSixDimensions()
    {
        string[] codes = ["employment", "dependents", "nutrition", "health-insurance", "adult-education", "child-schooling",
            "housing-quality", "housing-area", "water", "sanitation", "telecom", "information-access"];
        foreach (var s in Shipped.Values)
        {
            s.Indicators.Select(i => i.Code).ShouldBe(codes);
            s.Indicators.Select(i => i.Dimension).Distinct().Count().ShouldBe(6);
        }
    }

    [Theory]
    [InlineData(2021, null)]
    [InlineData(2022, "2022-2025")]
    [InlineData(2026, "2022-2025")]
    [InlineData(2027, "2027-2030")]
    [InlineData(2030, "2027-2030")]
    [InlineData(2031, null)]
    public void ACensusYear_IsClassifiedUnderTheStandardInForce_2026StillUnder2022(int year, string? expected) =>
        Shipped.Values.SingleOrDefault(s => s.Covers(year))?.Code.ShouldBe(expected);

    [Fact]
    public void BadInput_IsAClearError_NamingWhatIsWrong()
    {
        var s = Shipped["2022-2025"];
        Should.Throw<DomainException>(() => PovertyClassifier.Classify(s, Area.Rural, 1, 1, [])).Message.ShouldContain("đúng một trong hai");
        Should.Throw<DomainException>(() => PovertyClassifier.Classify(s, Area.Rural, null, null, [])).Message.ShouldContain("đúng một trong hai");
        Should.Throw<DomainException>(() => PovertyClassifier.Classify(s, Area.Rural, -5, null, [])).Message.ShouldContain("âm");
        var unknown = Should.Throw<DomainException>(() => PovertyClassifier.Classify(s, Area.Rural, 1, null, ["water", "wifi"]));
        unknown.Message.ShouldContain("wifi");
        unknown.Message.ShouldContain("information-access");
        Should.Throw<DomainException>(() => HouseholdStatuses.ParseArea("mountain")).Message.ShouldContain("rural");
    }

    [Fact]
    public void Reasons_NameTheLineAndTheScore_InVietnamese()
    {
        var r = PovertyClassifier.Classify(Shipped["2022-2025"], Area.Rural, 1_400_000, null, Three);
        r.Reasons[0].ShouldBe("Thu nhập bình quân 1.400.000 đồng/người/tháng ≤ chuẩn nông thôn 1.500.000 đồng");
        r.Reasons[1].ShouldContain("điểm B = 30 ≥ 30 (3 chỉ số)");
        r.Reasons[^1].ShouldBe("Chuẩn 2022-2025: hộ nghèo");
        PovertyClassifier.Classify(Shipped["2022-2025"], Area.Urban, 1_999_999, null, Two).Reasons[1].ShouldContain("< 30");
    }
}
