using Gnbv.Domain;
using Gnbv.Domain.Periods;

namespace Gnbv.UnitTests.Periods;

public class PeriodTests
{
    [Theory]
    [InlineData("2023", PeriodType.Yearly, "2023-01-01", "2023-12-31")]
    [InlineData("2023S1", PeriodType.SixMonthly, "2023-01-01", "2023-06-30")]
    [InlineData("2023S2", PeriodType.SixMonthly, "2023-07-01", "2023-12-31")]
    [InlineData("2023Q1", PeriodType.Quarterly, "2023-01-01", "2023-03-31")]
    [InlineData("2024Q1", PeriodType.Quarterly, "2024-01-01", "2024-03-31")]
    [InlineData("2023Q4", PeriodType.Quarterly, "2023-10-01", "2023-12-31")]
    [InlineData("202302", PeriodType.Monthly, "2023-02-01", "2023-02-28")]
    [InlineData("202402", PeriodType.Monthly, "2024-02-01", "2024-02-29")]
    [InlineData("202312", PeriodType.Monthly, "2023-12-01", "2023-12-31")]
    [InlineData("2021-2025", PeriodType.Phase, "2021-01-01", "2025-12-31")]
    [InlineData(" 2026-2030 ", PeriodType.Phase, "2026-01-01", "2030-12-31")]
    public void Parse_ValidIdentifier_GivesTypeAndInclusiveDates(string id, PeriodType type, string start, string end)
    {
        var p = Period.Parse(id);
        p.Type.ShouldBe(type);
        p.Start.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        p.End.ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        p.Id.ShouldBe(id.Trim());
    }

    [Theory]
    [InlineData("", "trống")]
    [InlineData("23", "không hợp lệ")]
    [InlineData("2023S3", "S1 hoặc S2")]
    [InlineData("2023S0", "S1 hoặc S2")]
    [InlineData("2023Q5", "Q1 đến Q4")]
    [InlineData("2023Q0", "Q1 đến Q4")]
    [InlineData("202313", "tháng 13")]
    [InlineData("202300", "tháng 0")]
    [InlineData("2025-2021", "phải sau")]
    [InlineData("2023-2023", "phải sau")]
    [InlineData("1800", "ngoài khoảng")]
    [InlineData("2023s1", "không hợp lệ")]
    [InlineData("2023W05", "không hợp lệ")]
    [InlineData("2023-S1", "không hợp lệ")]
    public void Parse_BadIdentifier_IsAClearError(string id, string reason)
    {
        var e = Should.Throw<DomainException>(() => Period.Parse(id));
        e.Message.ShouldContain(reason);
    }

    [Fact]
    public void Contains_YearHoldsItsHalvesQuartersAndMonths_NotTheNextYear()
    {
        var year = Period.Parse("2023");
        year.Contains(Period.Parse("2023S1")).ShouldBeTrue();
        year.Contains(Period.Parse("2023Q4")).ShouldBeTrue();
        year.Contains(Period.Parse("202307")).ShouldBeTrue();
        year.Contains(Period.Parse("2024Q1")).ShouldBeFalse();
        Period.Parse("2023S1").Contains(Period.Parse("202307")).ShouldBeFalse();
        Period.Parse("2021-2025").Contains(year).ShouldBeTrue();
    }

    [Fact]
    public void CompareTo_OrdersByStartThenLongerFirst()
    {
        var sorted = new[] { "202302", "2023Q1", "2023", "2022S2", "2023S1" }.Select(Period.Parse).Order().Select(p => p.Id);
        sorted.ShouldBe(["2022S2", "2023", "2023S1", "2023Q1", "202302"]);
    }

    [Theory]
    [InlineData("2023S1", "2023S2", "2022S2")]
    [InlineData("2023S2", "2024S1", "2023S1")]
    [InlineData("2023Q1", "2023Q2", "2022Q4")]
    [InlineData("2023Q4", "2024Q1", "2023Q3")]
    [InlineData("202312", "202401", "202311")]
    [InlineData("2023", "2024", "2022")]
    public void NextAndPrevious_StayInTheSameType(string id, string next, string previous)
    {
        Period.Parse(id).Next()!.Id.ShouldBe(next);
        Period.Parse(id).Previous()!.Id.ShouldBe(previous);
    }

    [Fact]
    public void NextOfAPhase_IsNull() => Period.Parse("2021-2025").Next().ShouldBeNull();
}
