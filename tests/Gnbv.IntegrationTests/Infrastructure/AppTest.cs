using Gnbv.Data.Database;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>A test per database that talks to the web app over HTTP: the app over the test's database, disposed after it.</summary>
public abstract class AppTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected GnbvApp App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = new GnbvApp(Database);
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}
