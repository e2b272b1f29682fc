using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.Data.Households;
using Gnbv.Data.Units;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// `gnbv households import` of a 2023 round over a 2022 register, killed with SIGKILL after staging
/// the file, after merging it into the register, and after republishing the registry figures just
/// before the commit: each time the database is as before; the import run again completes and gives
/// what the same import gives on an untouched copy.
/// </summary>
public abstract class HouseholdImportCrashTests(DatabaseProvider provider) : CrashTest(provider)
{
    /// <summary>Households per round: the 2023 round updates every one of them.</summary>
    const int Households = 40;

    [Theory]
    [InlineData(FailPoints.HouseholdAfterStaging)]
    [InlineData(FailPoints.HouseholdAfterMerge)]
    [InlineData(FailPoints.HouseholdBeforeCommit)]
    public async Task Import_KilledAtStage_LeavesDatabaseAsBeforeAndRerunCompletes(string failPoint)
    {
        await using (var db = Context()) await DemoHouseholds.LoadAsync(db, "042", Households, seed: 1, years: [2022]);
        using var file = Write(".csv", await RoundAsync(2023));

        await KilledAtThenRerunAsync(failPoint, "households", "import", file.Path, "--quiet");

        await using var check = Context();
        (await check.CensusEntries.CountAsync(c => c.Year == 2023)).ShouldBe(Households);
        (await check.AuditEntries.CountAsync(a => a.EntityKey == Path.GetFileName(file.Path))).ShouldBe(1);
    }

    async Task<string> RoundAsync(int year)
    {
        await using var db = Context();
        var root = await db.Service<UnitResolver>().ResolveAsync("042", Period.Year(year));
        var communes = await db.Service<RegistryUnits>().CommunesUnderAsync(root, new DateOnly(year, 12, 31));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        HouseholdGenerator.Write(writer, communes, Households, seed: 1, year, firstYear: 2022);
        return writer.ToString();
    }
}

public sealed class HouseholdImportCrashTests_Sqlite() : HouseholdImportCrashTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class HouseholdImportCrashTests_Postgres() : HouseholdImportCrashTests(DatabaseProvider.Postgres);
