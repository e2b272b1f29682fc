using System.Globalization;
using CsCheck;
using Gnbv.Domain;
using Gnbv.Domain.Periods;

namespace Gnbv.UnitTests.Periods;

/// <summary>Properties of the period parser over every kind of identifier and over arbitrary text.</summary>
public class PeriodPropertyTests
{
    private static readonly Gen<int> Years = Gen.Int[1900, 2200];

    /// <summary>Every valid identifier, with the dates it must give (built independently of the parser).</summary>
    public static readonly Gen<(string Id, PeriodType Type, DateOnly Start, DateOnly End)> ValidPeriods = Gen.OneOf(
        Years.Select(y => (Y(y), PeriodType.Yearly, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))),
        Gen.Select(Years, Gen.Int[1, 2], (y, s) => ($"{Y(y)}S{s}", PeriodType.SixMonthly, new DateOnly(y, s * 6 - 5, 1), new DateOnly(y, s * 6, DateTime.DaysInMonth(y, s * 6)))),
        Gen.Select(Years, Gen.Int[1, 4], (y, q) => ($"{Y(y)}Q{q}", PeriodType.Quarterly, new DateOnly(y, q * 3 - 2, 1), new DateOnly(y, q * 3, DateTime.DaysInMonth(y, q * 3)))),
        Gen.Select(Years, Gen.Int[1, 12], (y, m) => ($"{Y(y)}{m.ToString("00", CultureInfo.InvariantCulture)}", PeriodType.Monthly, new DateOnly(y, m, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m)))),
        Gen.Select(Gen.Int[1900, 2199], Gen.Int[1, 30], (y, n) => Math.Min(y + n, 2200) is var e ? ($"{Y(y)}-{Y(e)}", PeriodType.Phase, new DateOnly(y, 1, 1), new DateOnly(e, 12, 31)) : default));

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Parse_EveryValidIdentifier_GivesItsTypeAndDatesAndRoundTripsById()
    {
        ValidPeriods.Sample(p =>
        {
            var parsed = Period.Parse(p.Id);
            parsed.Type.ShouldBe(p.Type);
            parsed.Start.ShouldBe(p.Start);
            parsed.End.ShouldBe(p.End);
            Period.Parse(parsed.Id).ShouldBe(parsed);
            Period.Parse($"  {p.Id}\t").ShouldBe(parsed);
            Period.TryParse(p.Id, out var again, out var error).ShouldBeTrue();
            again.ShouldBe(parsed);
            error.ShouldBeEmpty();
        }, iter: 2000);
    }

    /// <summary>Text made of the characters periods are made of (and a few that look like them), so many strings come close to valid.</summary>
    private static readonly Gen<string> PeriodLikeText = Gen.String[Gen.Char["0123456789SQ-sq W\u0660\u0665\u06F1\uFF10\uFF12 \t"], 0, 12];

    [Fact]
    public void TryParse_ArbitraryText_NeverThrowsAndAgreesWithParse()
    {
        Gen.OneOf(PeriodLikeText, Gen.String).Sample(text =>
        {
            var ok = Period.TryParse(text, out var period, out var error);
            if (ok)
            {
                period.Id.ShouldBe(text.Trim());
                period.Start.ShouldBeLessThanOrEqualTo(period.End);
                Period.Parse(text).ShouldBe(period);
            }
            else
            {
                error.ShouldNotBeNullOrWhiteSpace();
                Should.Throw<DomainException>(() => Period.Parse(text)).Message.ShouldBe(error);
            }
        }, iter: 5000);
    }

    [Theory]
    [InlineData("\u0662\u0660\u0662\u0663")]          // 2023 in Arabic-Indic digits: matched \d, then int.Parse threw FormatException
    [InlineData("2023\u0660\u0665")]                  // month in Arabic-Indic digits
    [InlineData("\uFF12\uFF10\uFF12\uFF13S1")]        // full-width digits
    public void TryParse_NonAsciiDigits_IsRejectedNotThrown(string text)
    {
        Period.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("không hợp lệ");
    }

    [Fact]
    public void CompareTo_AndContains_AgreeWithTheDates()
    {
        Gen.Select(ValidPeriods, ValidPeriods).Sample((a, b) =>
        {
            var p = Period.Parse(a.Id);
            var q = Period.Parse(b.Id);
            var c = p.CompareTo(q);
            Math.Sign(c).ShouldBe(-Math.Sign(q.CompareTo(p)));
            if (p.Start < q.Start) c.ShouldBeLessThan(0);
            if (p.Start == q.Start && p.End == q.End) c.ShouldBe(0);
            p.Contains(q).ShouldBe(q.Start >= p.Start && q.End <= p.End);
            p.Contains(p).ShouldBeTrue();
            if (p.Contains(q) && q.Contains(p)) (p.Start, p.End).ShouldBe((q.Start, q.End));
        }, iter: 2000);
    }

    [Fact]
    public void NextThenPrevious_ReturnsThePeriod_AndNextStartsTheDayAfter()
    {
        ValidPeriods.Where(p => p.Type != PeriodType.Phase && p.Start.Year is > 1900 and < 2200).Sample(p =>
        {
            var period = Period.Parse(p.Id);
            var next = period.Next().ShouldNotBeNull();
            next.Start.ShouldBe(period.End.AddDays(1));
            next.Type.ShouldBe(period.Type);
            next.Previous().ShouldBe(period);
            period.Previous()!.End.ShouldBe(period.Start.AddDays(-1));
        }, iter: 2000);
    }
}
