using Gnbv.Data.Backup;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;

namespace Gnbv.IntegrationTests.Backup;

/// <summary>
/// A backup is not tied to its provider: a district moving from its SQLite file to the provincial
/// PostgreSQL server restores the file there, and back. Compared as the application reads the
/// values (a date is text in SQLite, a date in PostgreSQL).
/// </summary>
[Trait(Db.Trait, Db.Postgres)]
public sealed class BackupCrossProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Postgres, DatabaseProvider.Sqlite)]
    public async Task Backup_RestoredIntoTheOtherProvider_GivesBackEveryValue(DatabaseProvider from, DatabaseProvider to)
    {
        await using var source = await TestDatabase.CreateAsync(from);
        await using (var db = source.CreateContext())
        {
            await db.Service<DemoData>().LoadAsync(skipIfLoaded: false);
            await DemoHouseholds.LoadAsync(db, count: 40, seed: 11);
        }
        var archive = Path.Combine(Path.GetTempPath(), $"gnbv-cross-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var db = source.CreateContext())
                await db.Service<BackupWriter>().WriteAsync(archive);

            await using var target = await EmptyDatabase.CreateAsync(to);
            await using (var db = target.CreateContext())
                (await db.Service<BackupRestorer>().RestoreAsync(archive, force: false)).Manifest.Provider.ShouldContain(from == DatabaseProvider.Sqlite ? "Sqlite" : "Npgsql");

            TableSnapshot expected, actual;
            await using (var db = source.CreateContext()) expected = await TableSnapshot.TakeAsync(db, asModelValues: true);
            await using (var db = target.CreateContext()) actual = await TableSnapshot.TakeAsync(db, asModelValues: true);
            expected.RowCount("households").ShouldBeGreaterThan(0);
            expected.ShouldEqual(actual);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
