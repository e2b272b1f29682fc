using Gnbv.Data.Database;
using Gnbv.Domain.Catalogue;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Database;

public abstract class MigrationTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task Model_HasNoPendingChanges_ForThisProvider()
    {
        await using var db = Context();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"the model changed without a migration for {Provider}: run dotnet ef migrations add for Gnbv.Data.{Provider}");
    }

    [Fact]
    public async Task Migrate_RunTwice_KeepsOneCopyOfTheSeededCatalogue()
    {
        await using (var db = Context()) await db.Service<DatabaseInitializer>().MigrateAsync();
        await using var check = Context();
        (await check.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await check.ProgramItems.CountAsync(i => i.Kind == ProgramItemKind.Program)).ShouldBe(2);
        (await check.ProgramItems.CountAsync(i => i.Code == "DA1")).ShouldBe(1);
        (await check.FundingSources.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Money_LargerThanInt32_RoundTripsExactly()
    {
        await LoadDemoAsync();
        await using var db = Context();
        var total = await db.CapitalAllocations.Where(a => a.ProgramItem!.Code == "DA1.TDA1").SumAsync(a => a.AmountDong);
        total.ShouldBe(49_848_000_000L);
        var ordered = await db.CapitalAllocations.OrderByDescending(a => a.AmountDong).Select(a => a.AmountDong).FirstAsync();
        ordered.ShouldBe(45_316_000_000L);
    }
}

public class MigrationTests_Sqlite() : MigrationTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class MigrationTests_Postgres() : MigrationTests(DatabaseProvider.Postgres);
