using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.Pages;

/// <summary>
/// One web app on the demo data per database provider, shared by every page test of the
/// collection: starting the app and loading the demo is most of a page test's cost, and each
/// test writes records of its own (its own codes), so they do not see each other. The tests of
/// a collection run one after another. Each user signs in once, through the sign-in form: the app
/// allows Gnbv:SignInsPerMinute (10) sign-in posts a minute, and the collection makes 8 today.
/// </summary>
public abstract class PagesFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly Dictionary<string, PageSession> _sessions = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public TestDatabase Database { get; private set; } = null!;
    public GnbvApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        App = new GnbvApp(Database);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
        _signIn.Dispose();
    }

    public AppDbContext Context() => Database.CreateContext();

    /// <summary>A session signed in as <paramref name="user"/> (a demo user) through the sign-in form.</summary>
    public async Task<PageSession> AsAsync(string user)
    {
        await _signIn.WaitAsync();
        try
        {
            if (!_sessions.TryGetValue(user, out var session))
                _sessions[user] = session = await PageSession.SignInAsync(App, user);
            return session;
        }
        finally
        {
            _signIn.Release();
        }
    }
}

public sealed class SqlitePages() : PagesFixture(DatabaseProvider.Sqlite)
{
    public const string Collection = "Pages on SQLite";
}

public sealed class PostgresPages() : PagesFixture(DatabaseProvider.Postgres)
{
    public const string Collection = "Pages on PostgreSQL";
}

[CollectionDefinition(SqlitePages.Collection)]
public sealed class SqlitePagesCollection : ICollectionFixture<SqlitePages>;

[CollectionDefinition(PostgresPages.Collection)]
public sealed class PostgresPagesCollection : ICollectionFixture<PostgresPages>;
