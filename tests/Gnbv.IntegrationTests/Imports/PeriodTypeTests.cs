using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Imports;

/// <summary>
/// Issue 15 item 2: 202303 = 500 and 2023Q1 = 500 of one unit and indicator made the 2023S1 figure
/// 1000. An indicator has one period type (DHIS2's rule) and disbursements that of the capital data
/// set; a value of another type is refused naming the row and the field, so no figure adds a day twice.
/// </summary>
public abstract class PeriodTypeTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task<decimal?> FigureAsync(string unit, string period, string element)
    {
        await using var db = Context();
        var p = Period.Parse(period);
        var u = await db.Service<UnitResolver>().ResolveAsync(unit, p);
        return (await db.Service<ValueExporter>().ExportAsync(u, p)).DataValues.FirstOrDefault(v => v.DataElement == element && v.Disaggregation == "total")?.Value;
    }

    private async Task<int> ValueCountAsync()
    {
        await using var db = Context();
        return await db.DataValues.CountAsync();
    }

    [Fact]
    public async Task AMonthAndItsQuarter_OfOneIndicator_TheOtherKindIsRefusedNamingRowAndField_AndTheHalfYearCountsOnce()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree(), DataValues = [TestUnits.Value("90101", "202303", "500", "HT.THE_BHYT")] });
        var before = await ValueCountAsync();

        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            DataValues = [TestUnits.Value("90102", "202303", "1", "HT.THE_BHYT"), TestUnits.Value("90101", "2023Q1", "500", "HT.THE_BHYT")],
        }));
        var error = e.Errors.ShouldHaveSingleItem();
        (error.Section, error.Index, error.Field).ShouldBe(("dataValues", 1, "period"));
        error.Message.ShouldContain("chỉ tiêu HT.THE_BHYT nhập theo tháng (kỳ như 202303), không nhập cho kỳ 2023Q1 (theo quý)");
        (await ValueCountAsync()).ShouldBe(before, "nothing of the package was written");
        (await FigureAsync("90101", "2023S1", "HT.THE_BHYT")).ShouldBe(500m);

        // A half-yearly indicator refuses its months; a quarterly one its half-years; a yearly one its quarters.
        foreach (var (element, period) in new[] { ("CS.TD_HO_NGHEO_LUOT", "202303"), ("CS.TIEN_DIEN_HO", "2023S1"), ("MT.TY_LE_HO_NGHEO_GIAM", "2023Q1") })
            (await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new() { DataValues = [TestUnits.Value("90101", period, "1", element)] })))
                .Errors.ShouldHaveSingleItem().Field.ShouldBe("period", $"{element} {period}");
    }

    [Fact]
    public async Task ValuesCsv_OfAnotherPeriodType_IsRefusedNamingTheLine()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportFileAsync(
            "dataElement,period,orgUnit,value\nCS.TD_HO_NGHEO_LUOT,2023S1,90101,5\nCS.TD_HO_NGHEO_LUOT,2023Q1,90101,5\n", "gia-tri.csv"));
        e.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("dataValues dòng (row) 3.period: chỉ tiêu CS.TD_HO_NGHEO_LUOT nhập theo 6 tháng");
        (await ValueCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task IndicatorPeriodType_IsData_DefaultsToSixMonthly_KeptWhenAbsent_AndCannotChangeUnderStoredValues()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        await ImportAsync(new()
        {
            Indicators =
            [
                new() { Code = "X.NEW", Name = "Mới", UnitOfMeasure = "người" },
                new() { Code = "X.QUARTER", Name = "Theo quý", UnitOfMeasure = "người", PeriodType = "quarterly" },
            ],
        });
        await using (var db = Context())
        {
            (await db.Indicators.SingleAsync(i => i.Code == "X.NEW")).PeriodType.ShouldBe(PeriodType.SixMonthly);
            (await db.Indicators.SingleAsync(i => i.Code == "X.QUARTER")).PeriodType.ShouldBe(PeriodType.Quarterly);
        }
        // Re-imported without the field (an older catalogue): the type stays.
        await ImportAsync(new() { Indicators = [new() { Code = "X.QUARTER", Name = "Theo quý", UnitOfMeasure = "người" }] });
        await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2023Q2", "4", "X.QUARTER")] });

        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            Indicators = [new() { Code = "X.QUARTER", Name = "Theo quý", UnitOfMeasure = "người", PeriodType = "monthly" }, new() { Code = "X.NEW", Name = "Mới", UnitOfMeasure = "người", PeriodType = "weekly" }],
        }));
        e.Errors.Select(x => x.ToString()).ShouldBe(
        [
            "indicators[0].periodType: chỉ tiêu X.QUARTER đang có giá trị nhập theo quý (kỳ 2023Q2): xóa các giá trị đó trước khi đổi sang monthly (values of the old period type exist)",
            "indicators[1].periodType: 'weekly' không hợp lệ; dùng một trong: monthly, quarterly, six-monthly, yearly (invalid period type)",
        ]);
        await using (var db = Context())
            (await db.Indicators.SingleAsync(i => i.Code == "X.QUARTER")).PeriodType.ShouldBe(PeriodType.Quarterly);

        // Once its values are deleted (an empty value deletes, whatever the type), the type can change.
        await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2023Q2", "", "X.QUARTER")] });
        await ImportAsync(new() { Indicators = [new() { Code = "X.QUARTER", Name = "Theo quý", UnitOfMeasure = "người", PeriodType = "monthly" }] });
        await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "202304", "4", "X.QUARTER")] });
        (await FigureAsync("90101", "2023Q2", "X.QUARTER")).ShouldBe(4m);
    }

    [Fact]
    public async Task Disbursements_TakeTheCapitalDataSetsPeriodType()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        await ImportAsync(new() { Disbursements = [new() { OrgUnit = "90101", ProgramItem = "DA2", Source = "NSTW_SN", Period = "2023S1", Amount = 500 }] });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            Disbursements = [new() { OrgUnit = "90101", ProgramItem = "DA2", Source = "NSTW_SN", Period = "2023Q1", Amount = 500 }],
        }));
        e.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("disbursements[0].period: giải ngân được báo cáo theo 6 tháng (kỳ như 2023S1), không cho kỳ 2023Q1 (theo quý)");

        // The type cannot change under stored disbursements, and only the capital data set has one.
        e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            DataSets = [new() { Code = "capital", Name = "Vốn", PeriodType = "quarterly" }, new() { Code = "values", Name = "Số liệu", PeriodType = "monthly" }],
        }));
        e.Errors.Select(x => x.Field).ShouldBe(["periodType", "periodType"]);
        e.Errors[0].Message.ShouldContain("đã có giải ngân kỳ 2023S1");

        await using var db = Context();
        var unit = await db.Service<UnitResolver>().ResolveAsync("90101", Period.Parse("2023S1"));
        (await db.Service<ValueExporter>().ExportAsync(unit, Period.Parse("2023"))).Capital.Single().Disbursed.ShouldBe(500);
    }
}

public sealed class PeriodTypeTests_Sqlite() : PeriodTypeTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class PeriodTypeTests_Postgres() : PeriodTypeTests(DatabaseProvider.Postgres);

/// <summary>The JSON API is one more way in: the same refusal, as a 400 naming the row and the field.</summary>
public abstract class PeriodTypeApiTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task DataValueSets_AQuarterOfAMonthlyIndicator_Is400NamingRowAndField()
    {
        await using var app = new GnbvApp(Database);
        using var commune = await app.ClientAsAsync("pacmiau");
        var set = new { dataValues = new[] { new { dataElement = "HT.THE_BHYT", period = "202303", orgUnit = "01290", value = "500" }, new { dataElement = "HT.THE_BHYT", period = "2023Q1", orgUnit = "01290", value = "500" } } };
        using var response = await commune.PostAsJsonAsync("/api/v1/dataValueSets", set);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()).ShouldBe((1, "period"));
        var figures = JsonDocument.Parse(await commune.GetStringAsync("/api/v1/figures?orgUnit=01290&period=2023S1")).RootElement.GetProperty("dataValues");
        figures.EnumerateArray().Any(v => v.GetProperty("dataElement").GetString() == "HT.THE_BHYT").ShouldBeFalse("nothing was written");
    }
}

public sealed class PeriodTypeApiTests_Sqlite() : PeriodTypeApiTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class PeriodTypeApiTests_Postgres() : PeriodTypeApiTests(DatabaseProvider.Postgres);
