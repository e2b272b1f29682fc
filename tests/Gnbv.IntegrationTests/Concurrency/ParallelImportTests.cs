using System.Globalization;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Concurrency;

/// <summary>Household lists imported at the same moment: codes stay unique and the published figures count every household.</summary>
public abstract class ParallelImportTests(DatabaseProvider provider) : RegistryTest(provider)
{
    static string List(string commune, string prefix, int count, long income)
    {
        var csv = new StringBuilder("household_code,commune,census_year,income,name\n");
        for (var i = 1; i <= count; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i:000},{commune},2023,{income},Người {prefix} {i}\n");
        return csv.ToString();
    }

    async Task<HouseholdImportResult> ImportAsync(string csv)
    {
        await using var db = Context();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await db.Service<HouseholdImporter>().ImportAsync(stream, "danh-sach.csv", new HouseholdImportOptions(Actor.System));
    }

    [Fact]
    public async Task TheSameListTwiceAtOnce_CreatesEachHouseholdOnce_TheLaterImportChangesNothing()
    {
        var csv = List("01290", "PM", 150, 1_000_000);
        var results = await Task.WhenAll(ImportAsync(csv), ImportAsync(csv));
        results.Sum(r => r.Created).ShouldBe(150);
        results.Sum(r => r.Updated).ShouldBe(0, "the later import finds each household as the first wrote it (issue 15 item 7)");

        await using var db = Context();
        (await db.Households.CountAsync()).ShouldBe(150);
        (await db.Households.Select(h => h.Code).Distinct().CountAsync()).ShouldBe(150);
        (await db.CensusEntries.CountAsync(c => c.Year == 2023)).ShouldBe(150);
        (await RolledUpAsync("042", "2023", "HN.SO_HO")).ShouldBe(150);
    }

    [Fact]
    public async Task TwoCommunesListsAtOnce_BothLand_AndTheDistrictFigureCountsBoth()
    {
        var results = await Task.WhenAll(ImportAsync(List("01290", "PM", 120, 1_000_000)), ImportAsync(List("01294", "LB", 80, 1_000_000)));
        results.Sum(r => r.Created).ShouldBe(200);
        // Each import published the figures; the later one summed with the earlier one's households.
        (await RolledUpAsync("01290", "2023", "HN.SO_HO")).ShouldBe(120);
        (await RolledUpAsync("01294", "2023", "HN.SO_HO")).ShouldBe(80);
        (await RolledUpAsync("042", "2023", "HN.SO_HO")).ShouldBe(200);
        (await RolledUpAsync("042", "2023", "HN.HO_CAN_NGHEO")).ShouldBe(200, "an income under the line with no deprivation is near-poor");
    }
}

public class ParallelImportTests_Sqlite() : ParallelImportTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ParallelImportTests_Postgres() : ParallelImportTests(DatabaseProvider.Postgres);
