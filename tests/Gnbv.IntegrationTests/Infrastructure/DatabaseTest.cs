using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Microsoft.Extensions.Time.Testing;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the tests that run once per database: a concrete subclass per provider names it, and
/// the PostgreSQL ones carry the trait Db=Postgres so the inner loop can leave them out.
/// </summary>
public abstract class DatabaseTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected DatabaseProvider Provider { get; } = provider;

    /// <summary>
    /// The test's clock, pinned to <see cref="TestClock.Pinned"/>: what the services a test builds by
    /// hand read as "now" and "today in Vietnam", so that no outcome depends on the day the suite runs.
    /// </summary>
    protected FakeTimeProvider Clock { get; } = TestClock.Create();

    public virtual async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(Provider);

    public virtual async Task DisposeAsync() => await Database.DisposeAsync();

    protected AppDbContext Context() => Database.CreateContext();

    protected async Task LoadDemoAsync()
    {
        await using var db = Context();
        await db.Service<DemoData>().LoadAsync(skipIfLoaded: false);
    }

    protected async Task<ImportResult> ImportAsync(ImportPackage package, bool dryRun = false)
    {
        await using var db = Context();
        return await db.Service<PackageImporter>().ImportAsync(package, new ImportOptions(DryRun: dryRun));
    }

    protected async Task<ImportResult> ImportFileAsync(string text, string fileName, bool dryRun = false) =>
        await ImportAsync(ImportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text), fileName), dryRun);
}
