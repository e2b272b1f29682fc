using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Domain.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Concurrency;

/// <summary>Two officers saving the same household's census: the one based on an older version gets a 409 saying what changed.</summary>
public abstract class HouseholdConflictTests(DatabaseProvider provider) : AppTest(provider)
{
    private long _household;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using (await App.ClientAsAsync(null)) { } // starts the app: migrations and the demo load
        await using var db = Context();
        await DemoHouseholds.LoadAsync(db, count: 20, seed: 11);
        _household = await db.Households.Where(h => h.OrgUnit!.Code == "01290").OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
    }

    static object Census(long income, int? version) => new { income, deprived = new[] { "water" }, version, reason = "rà soát lại" };

    async Task<int> VersionAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{_household}")).GetProperty("version").GetInt32();

    [Fact]
    public async Task CensusSavedFromAnOlderVersion_Is409WithTheCurrentStatus_AndNothingChanges()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        var read = await VersionAsync(commune);

        var first = await commune.PutAsJsonAsync($"/api/v1/households/{_household}/census/2023", Census(900_000, read));
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(read + 1);

        var late = await district.PutAsJsonAsync($"/api/v1/households/{_household}/census/2023", Census(5_000_000, read));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict, await late.Content.ReadAsStringAsync());
        var conflict = (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("household");
        conflict.GetProperty("changedBy").GetString().ShouldBe("pacmiau");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(read + 1);
        conflict.GetProperty("currentValue").GetString().ShouldBe("near-poor");
        conflict.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("hiện là hộ cận nghèo");

        await using (var db = Context())
            (await db.CensusEntries.SingleAsync(c => c.HouseholdId == _household && c.Year == 2023)).Income.ShouldBe(900_000);
        // Without a version the API keeps its upsert meaning (as before versions existed).
        (await district.PutAsJsonAsync($"/api/v1/households/{_household}/census/2023", Census(5_000_000, null))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ParallelCensusSaves_OfTheSameVersion_ExactlyOneWins()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++) clients.Add(await App.ClientAsAsync(i % 2 == 0 ? "pacmiau" : "baolam"));
        var read = await VersionAsync(clients[0]);
        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PutAsJsonAsync($"/api/v1/households/{_household}/census/2023", Census(1_000_000 + i, read))));
        var codes = responses.Select(r => r.StatusCode).ToList();
        codes.Count(c => c == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", codes));
        codes.Count(c => c == HttpStatusCode.Conflict).ShouldBe(5, string.Join(", ", codes));

        await using var db = Context();
        var entry = await db.CensusEntries.SingleAsync(c => c.HouseholdId == _household && c.Year == 2023);
        entry.Income.ShouldBe(1_000_000 + codes.IndexOf(HttpStatusCode.OK));
        (await db.Households.SingleAsync(h => h.Id == _household)).Version.ShouldBe(read + 1);
        foreach (var c in clients) c.Dispose();
    }
}

public class HouseholdConflictTests_Sqlite() : HouseholdConflictTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HouseholdConflictTests_Postgres() : HouseholdConflictTests(DatabaseProvider.Postgres);
