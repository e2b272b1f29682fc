using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Units;

public abstract class RollupTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task<decimal?> FigureAsync(string unit, string period, string element = "CS.TD_HO_NGHEO_LUOT", string dis = "total")
    {
        await using var db = Context();
        var p = Period.Parse(period);
        var u = await db.Service<UnitResolver>().ResolveAsync(unit, p);
        var export = await db.Service<ValueExporter>().ExportAsync(u, p);
        return export.DataValues.FirstOrDefault(v => v.DataElement == element && v.Disaggregation == dis)?.Value;
    }

    [Fact]
    public async Task District_SumsItsCommunes_AndProvinceSumsItsDistricts()
    {
        await ImportAsync(new()
        {
            OrgUnits = TestUnits.Tree(),
            DataValues = [TestUnits.Value("90101", "2023S1", "12"), TestUnits.Value("90102", "2023S1", "30"), TestUnits.Value("90103", "2023S1", "7")],
        });
        (await FigureAsync("901", "2023S1")).ShouldBe(49m);
        (await FigureAsync("90", "2023S1")).ShouldBe(49m);
        (await FigureAsync("90103", "2023S1")).ShouldBe(7m);
    }

    [Fact]
    public async Task MergedCommunes_RollUpIntoTheirSuccessor()
    {
        await ImportAsync(new()
        {
            OrgUnits = TestUnits.Tree(),
            DataValues = [TestUnits.Value("90101", "2023S1", "12"), TestUnits.Value("90102", "2023S1", "30"), TestUnits.Value("90103", "2023S1", "7")],
        });
        (await FigureAsync("90150", "2023S1")).ShouldBe(42m);
    }

    [Fact]
    public async Task Year_SumsItsMonthsAndHalves_ButRatesAreNeverAdded()
    {
        await ImportAsync(new()
        {
            OrgUnits = TestUnits.Tree(),
            DataValues =
            [
                // A monthly, a quarterly and a half-yearly indicator: each sums its own kind of period.
                TestUnits.Value("90101", "202301", "2", "HT.THE_BHYT"), TestUnits.Value("90101", "202305", "3", "HT.THE_BHYT"), TestUnits.Value("90101", "202311", "4", "HT.THE_BHYT"),
                TestUnits.Value("90101", "2023Q1", "20", "CS.TIEN_DIEN_HO"), TestUnits.Value("90101", "2023Q2", "30", "CS.TIEN_DIEN_HO"), TestUnits.Value("90101", "2023Q3", "40", "CS.TIEN_DIEN_HO"),
                TestUnits.Value("90101", "2023S1", "5"), TestUnits.Value("90101", "2023S2", "4"),
                TestUnits.Value("90101", "2022S2", "100"),
                TestUnits.Value("901", "2023", "6.15", "MT.TY_LE_HO_NGHEO_GIAM"), TestUnits.Value("90101", "2023", "9", "MT.TY_LE_HO_NGHEO_GIAM"),
            ],
        });
        (await FigureAsync("90101", "2023")).ShouldBe(9m);
        (await FigureAsync("90101", "2023S1")).ShouldBe(5m);
        (await FigureAsync("90101", "2023", "HT.THE_BHYT")).ShouldBe(9m);
        (await FigureAsync("90101", "2023S1", "HT.THE_BHYT")).ShouldBe(5m);
        (await FigureAsync("90101", "2023Q2", "HT.THE_BHYT")).ShouldBe(3m);
        (await FigureAsync("90101", "2023", "CS.TIEN_DIEN_HO")).ShouldBe(90m);
        (await FigureAsync("90101", "2023S1", "CS.TIEN_DIEN_HO")).ShouldBe(50m);
        (await FigureAsync("901", "2023", "MT.TY_LE_HO_NGHEO_GIAM")).ShouldBe(6.15m);
        (await FigureAsync("90", "2023", "MT.TY_LE_HO_NGHEO_GIAM")).ShouldBeNull();
    }

    [Fact]
    public async Task MovingAUnit_MovesItsSubtree()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        await ImportAsync(new()
        {
            OrgUnits = [new() { Code = "91", Name = "Tỉnh Hai", Kind = "province" }, new() { Code = "901", Name = "Huyện Một", Kind = "district", Parent = "91" }],
        });
        await using var db = Context();
        var commune = await db.OrgUnits.SingleAsync(u => u.Code == "90101");
        commune.Path.ShouldBe("/91/901/90101/");
        commune.ProvinceCode.ShouldBe("91");
    }

    [Fact]
    public async Task UnitByName_Ambiguous_ListsTheCandidates_UnlessThePeriodDecides()
    {
        await LoadDemoAsync();
        await using var db = Context();
        // "Bảo Lâm" is the district until 30/06/2025 and a merged commune from 01/07/2025.
        (await db.Service<UnitResolver>().ResolveAsync("Bảo Lâm", Period.Parse("2023S1"))).Code.ShouldBe("042");
        (await db.Service<UnitResolver>().ResolveAsync("Bảo Lâm", Period.Parse("2026"))).Code.ShouldBe("01290-2025");
        var e = await Should.ThrowAsync<DomainException>(() => db.Service<UnitResolver>().ResolveAsync("bảo lâm"));
        e.Message.ShouldContain("042");
        e.Message.ShouldContain("01290-2025");
    }
}

public class RollupTests_Sqlite() : RollupTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class RollupTests_Postgres() : RollupTests(DatabaseProvider.Postgres);
