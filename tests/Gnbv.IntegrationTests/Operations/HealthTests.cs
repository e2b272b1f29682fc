using System.Net;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.Operations;

public abstract class HealthTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task Ready_IsHealthyOnAWorkingDatabase_AndUnhealthyOnceTheDatabaseIsGone_WhileLiveStaysUp()
    {
        await using var app = new GnbvApp(Database, loadDemo: false);
        using var client = await app.ClientAsAsync(null);

        var live = await client.GetAsync("/health/live");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BodyAsync(live)).GetProperty("status").GetString().ShouldBe("Healthy");

        var ready = await client.GetAsync("/health/ready");
        var body = await BodyAsync(ready);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK, body.GetRawText());
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks")[0].GetProperty("name").GetString().ShouldBe("database");

        // The database disappears under the running app (file deleted, database dropped).
        var connection = Database.ConnectionString;
        await Database.DisposeAsync();

        var down = await client.GetAsync("/health/ready");
        var text = await down.Content.ReadAsStringAsync();
        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, text);
        JsonSerializer.Deserialize<JsonElement>(text).GetProperty("status").GetString().ShouldBe("Unhealthy");
        text.ShouldContain("database");
        // Nothing of the connection string leaks to an anonymous caller.
        text.ShouldNotContain(connection);
        text.ShouldNotContain(Path.GetTempPath().TrimEnd('/'));
        text.ShouldNotContain("gnbv_t_");

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthEndpoints_AreAnonymous_AndNotCached()
    {
        await using var app = new GnbvApp(Database, loadDemo: false);
        using var client = await app.ClientAsAsync(null);
        for (var i = 0; i < 30; i++) (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
}

public class HealthTests_Sqlite() : HealthTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HealthTests_Postgres() : HealthTests(DatabaseProvider.Postgres);
