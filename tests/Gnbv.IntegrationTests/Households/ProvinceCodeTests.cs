using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>The registry's large tables carry the province code they can be partitioned or sharded by (ADR 008).</summary>
public abstract class ProvinceCodeTests(DatabaseProvider provider) : RegistryTest(provider)
{
    const string Support = """
        Mã hộ,Mã xã,Số CCCD,Loại hỗ trợ,"Dự án, tiểu dự án",Nguồn vốn,Số tiền,Số lượng,Ngày,Ghi chú
        LB-001,01294,,credit,,TD_CS,50.000.000,,15/01/2023,
        PM-001,01290,,electricity,,NSDP,300.000,,01/05/2023,
        """;

    private async Task FillRegistryAsync()
    {
        await ImportCsvAsync(HouseholdImportTests.Round2022);
        await using (var db = Context())
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Support));
            await db.Service<SupportImporter>().ImportAsync(stream, "ho-tro.csv", Actor.System, false);
        }
        await using (var db = Context())
        {
            var household = await db.Households.SingleAsync(h => h.Code == "LB-002");
            await db.Service<CensusEditor>().SaveAsync(Actor.System, household.Id, 2023, new CensusInput(900_000, null, ["water"]));
        }
    }

    /// <summary>Every row of the four tables, by the province code it carries.</summary>
    private async Task<Dictionary<string, List<string?>>> CodesAsync()
    {
        await using var db = Context();
        return new()
        {
            ["households"] = await db.Households.Select(h => h.ProvinceCode).ToListAsync(),
            ["household_members"] = await db.HouseholdMembers.Select(m => m.ProvinceCode).ToListAsync(),
            ["census_entries"] = await db.CensusEntries.Select(c => c.ProvinceCode).ToListAsync(),
            ["support_records"] = await db.SupportRecords.Select(r => r.ProvinceCode).ToListAsync(),
        };
    }

    [Fact]
    public async Task ImportSupportAndCensusForm_WriteTheCommunesProvince_OnEveryRegistryRow()
    {
        await FillRegistryAsync();
        foreach (var (table, codes) in await CodesAsync())
        {
            codes.ShouldNotBeEmpty(table);
            codes.ShouldAllBe(c => c == "04", table);
        }
    }

    [Fact]
    public async Task ADistrictMovedToAnotherProvince_TakesItsRegistryRowsAlong()
    {
        await FillRegistryAsync();
        await ImportFileAsync("""
            { "orgUnits": [
              { "code": "05", "name": "Tỉnh Mới", "kind": "province" },
              { "code": "042", "name": "Bảo Lâm", "kind": "district", "parent": "05" } ] }
            """, "move.json");
        foreach (var (table, codes) in await CodesAsync())
            codes.ShouldAllBe(c => c == "05", table);
    }
}

public class ProvinceCodeTests_Sqlite() : ProvinceCodeTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ProvinceCodeTests_Postgres() : ProvinceCodeTests(DatabaseProvider.Postgres);
