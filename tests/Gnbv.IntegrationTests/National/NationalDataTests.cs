using System.Globalization;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Data.Validation;
using Gnbv.Data.Values;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.National;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Gnbv.IntegrationTests.National;

/// <summary>The synthetic national data set: its shape, its determinism, and that it imports and adds up through the ordinary paths.</summary>
public abstract class NationalDataTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    const int Seed = 7, Year = 2024;

    [Fact]
    public void Units_AreThirtyFourProvincesOfAboutThreeThousandThreeHundredCommunes_TheSameForTheSameSeed()
    {
        var units = NationalGenerator.Units(Seed);
        units.Count(u => u.Kind == UnitKind.Province).ShouldBe(34);
        NationalGenerator.Communes(units).Count.ShouldBeInRange(3_000, 3_600);
        units.ShouldAllBe(u => u.Code.StartsWith(NationalGenerator.NationCode));
        NationalGenerator.Serialize(NationalGenerator.UnitPackage(NationalGenerator.Units(Seed)))
            .ShouldBe(NationalGenerator.Serialize(NationalGenerator.UnitPackage(units)));
        NationalGenerator.Serialize(NationalGenerator.ProgramPackage(units, "GL05", Year, Seed))
            .ShouldBe(NationalGenerator.Serialize(NationalGenerator.ProgramPackage(NationalGenerator.Units(Seed), "GL05", Year, Seed)));
        NationalGenerator.Serialize(NationalGenerator.ProgramPackage(units, "GL05", Year, Seed + 1))
            .ShouldNotBe(NationalGenerator.Serialize(NationalGenerator.ProgramPackage(units, "GL05", Year, Seed)));
    }

    [Fact]
    public async Task AProvincePackage_Imports_AddsUpToItsDistrict_AndKeepsTheProgramsRules()
    {
        var units = NationalGenerator.Units(Seed);
        var package = NationalGenerator.ProgramPackage(units, "GL01", Year, Seed);
        (await ImportAsync(NationalGenerator.UnitPackage(units))).For("orgUnits").Created.ShouldBe(units.Count);
        var result = await ImportAsync(ImportFileReader.Read(NationalGenerator.Serialize(package), "program-GL01-2024.json"));
        result.For("dataValues").Created.ShouldBe(package.DataValues!.Count);

        await using var db = Context();
        var district = await db.OrgUnits.SingleAsync(u => u.Code == "GL01-01");
        var communes = units.Where(u => u.Parent == "GL01-01").Select(u => u.Code).ToHashSet();
        communes.Count.ShouldBe(NationalGenerator.CommunesPerDistrict);
        var expected = package.DataValues!.Where(v => communes.Contains(v.OrgUnit!) && v.DataElement == "DA5.HO_DUOC_HO_TRO")
            .Sum(v => decimal.Parse(v.Value!, CultureInfo.InvariantCulture));
        expected.ShouldBeGreaterThan(0);
        var indicator = await db.Indicators.SingleAsync(i => i.Code == "DA5.HO_DUOC_HO_TRO");
        (await db.Service<ValueRollup>().ComputeAsync(district, Period.Year(Year))).Single(v => v.IndicatorId == indicator.Id).Value.ShouldBe(expected);

        // Parts within totals, new plus continuing works, the rice norm, disbursed within allocated: none broken.
        var broken = (await db.Service<Validator>().RunAsync(district, Period.Parse($"{Year}S1"))).Select(v => v.Rule)
            .Where(r => r is "R01_PARTS_POVERTY" or "R02_DISBURSED_LE_BUDGET" or "R03_DA5_KINDS_SUM" or "R06_RICE_NORM_TET" or "R07_RICE_NORM_LEAN" or "R11_WORKS_NEW_CONTINUING" or "R08_TRAINEES_TWICE");
        broken.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheHouseholdList_CoversCommunesOfEveryProvince_AndImports()
    {
        var units = NationalGenerator.Units(Seed);
        await ImportAsync(NationalGenerator.UnitPackage(units));
        var path = Path.GetTempFileName();
        try
        {
            // Households go round the communes: one round gives each commune one.
            var count = NationalGenerator.Communes(units).Count;
            var rows = NationalData.WriteHouseholds(path, units, count, Seed, Year);
            await using var db = Context();
            await using var file = File.OpenRead(path);
            var result = await db.Service<HouseholdImporter>().ImportAsync(file, "households-2024.csv", new HouseholdImportOptions(Actor.System, Synthetic: true));
            result.Created.ShouldBe(count);
            result.Rows.ShouldBe(rows);
            (await db.Households.Select(h => h.ProvinceCode).Distinct().CountAsync()).ShouldBe(34);
            (await db.Households.Select(h => h.OrgUnitId).Distinct().CountAsync()).ShouldBe(count);
            (await db.Households.AllAsync(h => h.Synthetic && h.Code.StartsWith("GL-"))).ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class NationalDataTests_Sqlite() : NationalDataTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class NationalDataTests_Postgres() : NationalDataTests(DatabaseProvider.Postgres);
