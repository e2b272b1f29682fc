using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Validation;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Validation;

public abstract class ValidationTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task<List<Violation>> RunAsync(string unit, string period)
    {
        await using var db = Context();
        var u = await db.OrgUnits.SingleAsync(x => x.Code == unit);
        return await db.Service<Validator>().RunAsync(u, Period.Parse(period));
    }

    /// <summary>Only the given rule is enabled, so each test sees what that rule finds.</summary>
    private async Task OnlyRuleAsync(ValidationRuleRow rule, ImportPackage data)
    {
        await using (var db = Context()) await db.ValidationRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, false));
        data.OrgUnits ??= TestUnits.Tree();
        data.ValidationRules = [rule];
        await ImportAsync(data);
    }

    [Fact]
    public async Task Demo_ReportsTheSeedReportsOwnContradictions_AndLittleElse()
    {
        await LoadDemoAsync();
        var violations = await RunAsync("042", "2023S1");
        violations.Select(v => v.Rule).ShouldBe(
            ["R01_PARTS_POVERTY", "R04_DA5_STATUS_LE_SUPPORTED", "R06_RICE_NORM_TET", "R08_TRAINEES_TWICE", "R14_DOCUMENT_DATES", "R14_DOCUMENT_DATES"]);
        var repairs = violations[0];
        repairs.Severity.ShouldBe("error");
        repairs.Values.Select(v => (v.DataElement, v.Disaggregation, v.Value)).ShouldBe(
            [("DA5.HO_SUA_CHUA", "poor", 209m), ("DA5.HO_SUA_CHUA", "near-poor", 40m), ("DA5.HO_SUA_CHUA", "total", 213m)]);
        violations[2].Values.Select(v => v.Value).ShouldBe([10285m, 7219m], ignoreOrder: true);
        violations[3].Message.ShouldContain("78 và 89");
        var dates = string.Join("\n", violations.Where(v => v.Rule == "R14_DOCUMENT_DATES").Select(v => v.Message));
        dates.ShouldContain("520/QĐ-UBND");
        dates.ShouldContain("633/UBND-LĐTĐ");
    }

    [Theory]
    [InlineData("5", "3", "2", false)]
    [InlineData("5", "4", "2", true)]
    public async Task PartsWithinTotal_FlagsPartsAboveTheWhole(string total, string poor, string nearPoor, bool violated)
    {
        await OnlyRuleAsync(new() { Code = "T", Name = "t", Kind = "parts-within-total", Parameters = "poor,near-poor", Message = "{detail} {left} > {right}" }, new()
        {
            DataValues = [TestUnits.Value("90101", "2024S1", total, "DA5.HO_XAY_MOI"), TestUnits.Value("90101", "2024S1", poor, "DA5.HO_XAY_MOI", "poor"), TestUnits.Value("90101", "2024S1", nearPoor, "DA5.HO_XAY_MOI", "near-poor")],
        });
        (await RunAsync("90101", "2024S1")).Count.ShouldBe(violated ? 1 : 0);
    }

    [Theory]
    [InlineData(1_000_000_000L, 900_000_000L, false)]
    [InlineData(1_000_000_000L, 1_100_000_000L, true)]
    public async Task DisbursedWithinAllocated_FlagsOverspending(long allocated, long disbursed, bool violated)
    {
        await OnlyRuleAsync(new() { Code = "T", Name = "t", Kind = "disbursed-within-allocated", Message = "{detail}" }, new()
        {
            CapitalAllocations = [new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_SN", Year = 2024, Amount = allocated }],
            Disbursements = [new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_SN", Period = "2024S1", Amount = disbursed }],
        });
        var found = await RunAsync("901", "2024S1");
        found.Count.ShouldBe(violated ? 1 : 0);
        if (violated) found[0].Values.Select(v => v.Ref).ShouldBe(["D{DA2}", "B{DA2}"]);
    }

    [Theory]
    [InlineData("15", "1", false)]   // 15 kg a person: one month
    [InlineData("30.3", "1", false)] // two months, within 2%
    [InlineData("14", "1", true)]    // below the norm
    [InlineData("22", "1", true)]    // a month and a half
    public async Task NormRule_ChecksAMultipleWithinTolerance(string kg, string persons, bool violated)
    {
        await OnlyRuleAsync(new()
        {
            Code = "T",
            Name = "t",
            Kind = "expression",
            Left = "#{CS.GAO_CUU_DOI_KG.lean-season} / #{CS.GAO_CUU_DOI_NHAN_KHAU.lean-season}",
            Operator = "multiple-of",
            Right = "15",
            Tolerance = 0.02m,
            Message = "{left}",
        }, new() { DataValues = [TestUnits.Value("90101", "2024S1", kg, "CS.GAO_CUU_DOI_KG", "lean-season"), TestUnits.Value("90101", "2024S1", persons, "CS.GAO_CUU_DOI_NHAN_KHAU", "lean-season")] });
        (await RunAsync("90101", "2024S1")).Count.ShouldBe(violated ? 1 : 0);
    }

    [Theory]
    [InlineData("9", false)]
    [InlineData("12", true)]
    public async Task RateRule_RecomputesTheRateFromNumeratorAndDenominator(string households, bool violated)
    {
        // 9 of 150 households is 6%: the rate stored as 6 agrees, within 1%.
        await OnlyRuleAsync(new()
        {
            Code = "T",
            Name = "t",
            Kind = "expression",
            Left = "#{MT.HO_NGHEO_GIAM} / #{CS.TIEN_DIEN_HO} * 100",
            Operator = "~=",
            Right = "#{MT.TY_LE_HO_NGHEO_GIAM}",
            Tolerance = 0.01m,
            Message = "{left} <> {right}",
        }, new() { DataValues = [TestUnits.Value("90101", "2024", households, "MT.HO_NGHEO_GIAM"), TestUnits.Value("90101", "2024Q1", "150", "CS.TIEN_DIEN_HO"), TestUnits.Value("90101", "2024", "6", "MT.TY_LE_HO_NGHEO_GIAM")] });
        (await RunAsync("90101", "2024")).Count.ShouldBe(violated ? 1 : 0);
    }

    [Fact]
    public async Task ExpressionRule_WithAMissingValue_IsSkipped_NotAFalseAlarm()
    {
        await OnlyRuleAsync(new() { Code = "T", Name = "t", Kind = "expression", Left = "#{CS.DN_HOC_VIEN_LDNT}", Operator = "==", Right = "#{DA4.TDA1.HOC_VIEN}", Message = "x" },
            new() { DataValues = [TestUnits.Value("90101", "2024S1", "78", "CS.DN_HOC_VIEN_LDNT")] });
        (await RunAsync("90101", "2024S1")).ShouldBeEmpty();
        await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2024S1", "89", "DA4.TDA1.HOC_VIEN")] });
        (await RunAsync("90101", "2024S1")).ShouldHaveSingleItem().Values.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("30", false)]
    [InlineData("100", true)]
    public async Task PeriodJump_FlagsAChangeBeyondTheFactor(string now, bool violated)
    {
        await OnlyRuleAsync(new() { Code = "T", Name = "t", Kind = "period-jump", Parameters = "3", Message = "{detail}" },
            new() { DataValues = [TestUnits.Value("90101", "2023S2", "20"), TestUnits.Value("90101", "2024S1", now)] });
        (await RunAsync("90101", "2024S1")).Count.ShouldBe(violated ? 1 : 0);
    }

    [Theory]
    [InlineData("2022-02-28", "Thành lập Ban Chỉ đạo giai đoạn 2021-2025", false)]
    [InlineData("2020-04-04", "Kiện toàn Ban Chỉ đạo giai đoạn 2021-2025", true)]
    [InlineData("2022-12-22", "Giao kế hoạch vốn năm 2023", false)]
    [InlineData("2022-04-04", "Hướng dẫn thực hiện năm 2023", true)]
    public async Task DocumentDates_FlagsDatesThatCannotBeRight(string date, string subject, bool violated)
    {
        await OnlyRuleAsync(new() { Code = "T", Name = "t", Kind = "document-dates", Message = "{detail}" },
            new() { Documents = [new() { Number = "1/QĐ-UBND", Kind = "QD", Date = date, Issuer = "901", Subject = subject }] });
        (await RunAsync("901", "2023S1")).Count.ShouldBe(violated ? 1 : 0);
    }

    [Theory]
    [InlineData("42", false)]
    [InlineData("40", true)]
    public async Task UnitVsSubunits_FlagsAUnitTotalThatIsNotTheSumBelow(string district, bool violated)
    {
        await OnlyRuleAsync(new() { Code = "T", Name = "t", Kind = "unit-vs-subunits", Message = "{detail}" },
            new() { DataValues = [TestUnits.Value("901", "2024S1", district), TestUnits.Value("90101", "2024S1", "12"), TestUnits.Value("90102", "2024S1", "30")] });
        (await RunAsync("901", "2024S1")).Count.ShouldBe(violated ? 1 : 0);
    }

    [Fact]
    public async Task Rule_WithABrokenExpression_IsRejectedAtImport()
    {
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            ValidationRules = [new() { Code = "BAD", Name = "x", Kind = "expression", Left = "#{A} + (", Operator = "==", Right = "1", Message = "x" }],
        }));
        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("left");
    }
}

public class ValidationTests_Sqlite() : ValidationTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ValidationTests_Postgres() : ValidationTests(DatabaseProvider.Postgres);
