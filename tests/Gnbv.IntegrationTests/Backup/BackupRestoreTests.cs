using Gnbv.Cli;
using Gnbv.Data.Backup;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Backup;

/// <summary>gnbv backup and gnbv restore, on each provider: every table comes back as it was, or nothing is written.</summary>
public abstract class BackupRestoreTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly List<string> _files = [];

    public override async Task DisposeAsync()
    {
        foreach (var file in _files.Where(File.Exists)) File.Delete(file);
        await base.DisposeAsync();
    }

    private string TempArchive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-backup-{Guid.NewGuid():N}.zip");
        _files.Add(path);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Gnbv(DatabaseOptions target, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", target.ConnectionString, "--provider", target.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The demo district with a synthetic registry: every kind of table has rows.</summary>
    private async Task<string> LoadAndBackUpAsync()
    {
        await LoadDemoAsync();
        await using (var db = Context())
            await DemoHouseholds.LoadAsync(db, count: 40, seed: 11);
        var archive = TempArchive();
        var backup = await Gnbv(Database.Options, "backup", "--out", archive);
        backup.Code.ShouldBe(0, backup.Err);
        backup.Out.ShouldContain("Đã sao lưu");
        return archive;
    }

    private async Task<TableSnapshot> SnapshotAsync(AppDbContext db)
    {
        await using (db)
            return await TableSnapshot.TakeAsync(db);
    }

    [Fact]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_GivesBackEveryTableRowAndColumn()
    {
        var archive = await LoadAndBackUpAsync();
        var source = await SnapshotAsync(Context());
        source.RowCount("households").ShouldBeGreaterThan(0);
        source.RowCount("census_entries").ShouldBeGreaterThan(0);
        source.RowCount("AspNetUsers").ShouldBeGreaterThan(0, "the Identity tables are part of the backup");
        source.Tables.Keys.ShouldNotContain("__EFMigrationsHistory");

        await using var target = await EmptyDatabase.CreateAsync(Provider);
        var restore = await Gnbv(target.Options, "restore", archive);
        restore.Code.ShouldBe(0, restore.Err);
        restore.Out.ShouldContain($"{source.Tables.Values.Sum(t => t.Count)} dòng");

        source.ShouldEqual(await SnapshotAsync(target.CreateContext()));

        // Sequences follow the restored ids: a new row gets a fresh id instead of colliding.
        await using var db = target.CreateContext();
        var maxId = await db.Periods.MaxAsync(p => p.Id);
        var period = PeriodRow.From(Period.Year(2031));
        db.Periods.Add(period);
        await db.SaveChangesAsync();
        period.Id.ShouldBeGreaterThan(maxId);
    }

    [Fact]
    public async Task Restore_IntoADatabaseWithData_IsRefusedWithoutForce_AndReplacesItWithForce()
    {
        var archive = await LoadAndBackUpAsync();
        var source = await SnapshotAsync(Context());

        // A second database, migrated and holding the shipped metadata plus one more period.
        await using var other = await TestDatabase.CreateAsync(Provider);
        await using (var db = other.CreateContext())
        {
            db.Periods.Add(PeriodRow.From(Period.Year(2040)));
            await db.SaveChangesAsync();
        }
        var before = await SnapshotAsync(other.CreateContext());

        var refused = await Gnbv(other.Options, "restore", archive);
        refused.Code.ShouldBe(1);
        refused.Err.ShouldContain("đã có dữ liệu");
        refused.Err.ShouldContain("--force");
        before.ShouldEqual(await SnapshotAsync(other.CreateContext()));

        var forced = await Gnbv(other.Options, "restore", archive, "--force");
        forced.Code.ShouldBe(0, forced.Err);
        source.ShouldEqual(await SnapshotAsync(other.CreateContext()));
    }

    [Fact]
    public async Task Restore_OfAnAlteredTruncatedOrForeignFile_IsRefusedNamingTheProblem_AndWritesNothing()
    {
        var archive = await LoadAndBackUpAsync();
        var before = await SnapshotAsync(Context());
        await using var empty = await EmptyDatabase.CreateAsync(Provider);

        var altered = ArchiveSurgery.EditTable(archive, "households",
            lines => [.. lines.Select((l, i) => i == 3 ? l.Replace("\"GL-", "\"GX-", StringComparison.Ordinal) : l)], fixManifest: false);
        var dropped = ArchiveSurgery.EditTable(archive, "census_entries", lines => lines[..^1], fixManifest: false);
        _files.AddRange([altered, dropped, ArchiveSurgery.Truncate(archive), ArchiveSurgery.Foreign()]);
        var cases = new (string File, string[] Expected)[]
        {
            (altered, ["households", "SHA-256"]),
            (dropped, ["census_entries", "SHA-256"]),
            (_files[^2], ["cắt cụt"]),
            (_files[^1], ["manifest.json", "không phải tệp sao lưu GNBV"]),
        };
        foreach (var (file, expected) in cases)
        {
            var intoEmpty = await Gnbv(empty.Options, "restore", file);
            intoEmpty.Code.ShouldBe(1, intoEmpty.Out);
            foreach (var text in expected) intoEmpty.Err.ShouldContain(text);
            await using (var db = empty.CreateContext())
                (await db.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty("refused before the schema is even created");

            var forced = await Gnbv(Database.Options, "restore", file, "--force");
            forced.Code.ShouldBe(1, forced.Out);
            before.ShouldEqual(await SnapshotAsync(Context()));
        }
    }

    [Fact]
    public async Task Restore_WhenTheDatabaseRefusesARow_RollsBackEverything_EvenTheEmptying()
    {
        var archive = await LoadAndBackUpAsync();
        var before = await SnapshotAsync(Context());
        // A consistent manifest over a table with a duplicated row: every check passes, the primary key does not.
        var duplicated = ArchiveSurgery.EditTable(archive, "census_entries", lines => [.. lines, lines[^1]], fixManifest: true);
        _files.Add(duplicated);

        var result = await Gnbv(Database.Options, "restore", duplicated, "--force");
        result.Code.ShouldBe(1, result.Out);
        result.Err.ShouldContain("census_entries");
        before.ShouldEqual(await SnapshotAsync(Context()));
    }

    [Fact]
    public async Task Backup_OfADatabaseWithoutTheSchema_IsRefused()
    {
        await using var empty = await EmptyDatabase.CreateAsync(Provider);
        var archive = TempArchive();
        var result = await Gnbv(empty.Options, "backup", "--out", archive);
        result.Code.ShouldBe(1);
        result.Err.ShouldContain("chưa có lược đồ");
        File.Exists(archive).ShouldBeFalse();
    }
}

public sealed class BackupRestoreTests_Sqlite() : BackupRestoreTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class BackupRestoreTests_Postgres() : BackupRestoreTests(DatabaseProvider.Postgres);
