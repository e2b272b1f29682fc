using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Units;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// `gnbv households import` killed with SIGKILL while it stages the file and again while it merges
/// into the registry: the database is as before each time; the import run again completes and gives
/// what the same import gives on an untouched copy.
/// </summary>
public abstract class HouseholdImportCrashTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    /// <summary>Households per round: the 2023 round updates every one of them, a few seconds of work.</summary>
    const int Households = 3_000;

    [Fact]
    public async Task Import_KilledWhileStagingAndWhileMerging_LeavesDatabaseAsBeforeAndRerunCompletes()
    {
        await LoadDemoAsync();
        await using (var db = Context()) await DemoHouseholds.LoadAsync(db, "042", Households, seed: 1, years: [2022]);
        var file = await WriteRoundAsync(2023);
        try
        {
            await using var untouched = await DatabaseCopy.CreateAsync(Database);
            var before = await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: true);
            var app = "gnbv-crash-" + Guid.NewGuid().ToString("N")[..8];

            using (var cli = CliProcess.Start(Database, app, "households", "import", file))
            {
                await cli.WaitUntilAsync(() => cli.Err.Contains("đọc, phân loại", StringComparison.Ordinal), "it was reading the file");
                await cli.KillAsync();
            }
            await AssertAsBeforeAsync(before, app);

            using (var cli = CliProcess.Start(Database, app, "households", "import", file))
            {
                await cli.WaitUntilAsync(() => cli.Err.Contains("ghi vào sổ", StringComparison.Ordinal), "it was merging into the registry");
                await cli.WaitUntilAsync(() => CrashProbe.WritingAsync(Database, app, "households"), "it was writing the registry");
                await cli.KillAsync();
            }
            await AssertAsBeforeAsync(before, app);

            using (var rerun = CliProcess.Start(Database, app, "households", "import", file, "--quiet"))
                (await rerun.ExitAsync()).ShouldBe(0, rerun.Err);
            using (var reference = CliProcess.Start(untouched.Provider, untouched.ConnectionString, app + "-ref", "households", "import", file, "--quiet"))
                (await reference.ExitAsync()).ShouldBe(0, reference.Err);

            (await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: false))
                .ShouldBe(await DatabaseState.ReadAsync(Provider, untouched.ConnectionString, exact: false));
            await using var check = Context();
            (await check.CensusEntries.CountAsync(c => c.Year == 2023)).ShouldBe(Households);
            (await check.AuditEntries.CountAsync(a => a.EntityKey == Path.GetFileName(file))).ShouldBe(1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    async Task AssertAsBeforeAsync(List<TableState> before, string app)
    {
        await CrashProbe.AssertLeftCleanAsync(Database, app);
        (await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: true)).ShouldBe(before);
    }

    async Task<string> WriteRoundAsync(int year)
    {
        await using var db = Context();
        var root = await db.Service<UnitResolver>().ResolveAsync("042", Period.Year(year));
        var communes = await db.Service<RegistryUnits>().CommunesUnderAsync(root, new DateOnly(year, 12, 31));
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-crash-households-{Guid.NewGuid():N}.csv");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        HouseholdGenerator.Write(writer, communes, Households, seed: 1, year, firstYear: 2022);
        return path;
    }
}

public sealed class HouseholdImportCrashTests_Sqlite() : HouseholdImportCrashTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class HouseholdImportCrashTests_Postgres() : HouseholdImportCrashTests(DatabaseProvider.Postgres);
