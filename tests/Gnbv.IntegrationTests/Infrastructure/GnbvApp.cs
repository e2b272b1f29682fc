using Gnbv.Data.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// The web host on a test database, with the demo data loaded at start as GNBV_DEMO=1 would; reads
/// for reports and dashboards from <paramref name="readOnlyConnectionString"/> when given (GNBV_DB_READONLY).
/// Its clock is <see cref="Clock"/>, pinned to <see cref="TestClock.Pinned"/> unless <paramref name="clock"/> is given.
/// </summary>
public sealed class GnbvApp(TestDatabase database, bool loadDemo = true, string? readOnlyConnectionString = null, FakeTimeProvider? clock = null)
    : WebApplicationFactory<global::Program>
{
    /// <summary>The app's TimeProvider: a test moves it forward with SetUtcNow or Advance.</summary>
    public FakeTimeProvider Clock { get; } = clock ?? TestClock.Create();

    /// <summary>What the app logged as errors, for a failing test's message.</summary>
    public ServerErrors Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Gnbv:LoadDemo", loadDemo ? "true" : "false");
        if (readOnlyConnectionString is not null) builder.UseSetting("Database:ReadOnlyConnectionString", readOnlyConnectionString);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that calls as the given user, with a fresh personal access token; null user: anonymous.</summary>
    public async Task<HttpClient> ClientAsAsync(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is null) return client;
        await using var db = database.CreateContext();
        var (_, secret) = await db.Service<Gnbv.Data.Users.ApiTokens>().CreateAsync(user, "test", days: 1);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
