using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Concurrency;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Concurrency;

/// <summary>
/// Two officers saving the same figure: the save based on an older version is refused with a 409
/// naming who changed it, to what and when; parallel clients never get a 500 and never overwrite
/// each other silently.
/// </summary>
public abstract class ValueConflictTests(DatabaseProvider provider) : AppTest(provider)
{
    const string Figure = "CS.TD_HO_NGHEO_LUOT";
    static object Row(string value, int? version, string period = "2023S1", string unit = "01290") =>
        version is { } v ? new { dataElement = Figure, period, orgUnit = unit, value, version = v } : new { dataElement = Figure, period, orgUnit = unit, value };

    static async Task<HttpResponseMessage> SaveAsync(HttpClient client, params object[] rows) =>
        await client.PostAsJsonAsync("/api/v1/dataValueSets", new { dataValues = rows });

    static async Task<JsonElement> StoredAsync(HttpClient client, string period = "2023S1")
    {
        var set = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dataValueSets?orgUnit=01290&period={period}");
        return set.GetProperty("dataValues").EnumerateArray().Single(v => v.GetProperty("dataElement").GetString() == Figure);
    }

    [Fact]
    public async Task SaveFromAnOlderVersion_Is409NamingWhoChangedWhat_AndWritesNothing()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        // Both open the form while the figure is not there yet (version 0).
        (await SaveAsync(commune, Row("21", 0))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await StoredAsync(district);
        stored.GetProperty("version").GetInt32().ShouldBe(1);

        var late = await SaveAsync(district, Row("30", 0));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict, await late.Content.ReadAsStringAsync());
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        var conflict = problem.GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("dataValue");
        conflict.GetProperty("changedBy").GetString().ShouldBe("pacmiau");
        conflict.GetProperty("currentValue").GetString().ShouldBe("21");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(1);
        conflict.GetProperty("expectedVersion").GetInt32().ShouldBe(0);
        conflict.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("pacmiau đã sửa thành 21");
        (await StoredAsync(district)).GetProperty("value").GetString().ShouldBe("21");

        // Having seen it, the district saves on top of version 1: accepted, version 2.
        (await SaveAsync(district, Row("30", 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        stored = await StoredAsync(district);
        stored.GetProperty("value").GetString().ShouldBe("30");
        stored.GetProperty("version").GetInt32().ShouldBe(2);

        // Deleting needs the current version too; saving the value it already holds is no conflict.
        (await SaveAsync(commune, Row("", 1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SaveAsync(commune, Row("30", 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SaveAsync(commune, Row("", 2))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var set = await commune.GetFromJsonAsync<JsonElement>("/api/v1/dataValueSets?orgUnit=01290&period=2023S1");
        set.GetProperty("dataValues").EnumerateArray().ShouldNotContain(v => v.GetProperty("dataElement").GetString() == Figure);
    }

    [Fact]
    public async Task ParallelClients_SavingTheSameVersion_ExactlyOneWins_TheOthersGet409()
    {
        using var seed = await App.ClientAsAsync("pacmiau");
        (await SaveAsync(seed, Row("10", null))).EnsureSuccessStatusCode();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++) clients.Add(await App.ClientAsAsync(i % 2 == 0 ? "pacmiau" : "baolam"));

        var responses = await Task.WhenAll(clients.Select((c, i) => SaveAsync(c, Row((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), 1))));
        var codes = responses.Select(r => r.StatusCode).ToList();
        codes.Count(c => c == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", codes));
        codes.Count(c => c == HttpStatusCode.Conflict).ShouldBe(7, string.Join(", ", codes));
        var winner = codes.IndexOf(HttpStatusCode.OK);

        var stored = await StoredAsync(seed);
        stored.GetProperty("value").GetString().ShouldBe((100 + winner).ToString(System.Globalization.CultureInfo.InvariantCulture));
        stored.GetProperty("version").GetInt32().ShouldBe(2);
        var changes = await seed.GetFromJsonAsync<JsonElement>($"/api/v1/dataValues/changes?dataElement={Figure}&orgUnit=01290&period=2023S1");
        changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()).ShouldBe(["insert", "update"]);
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task ParallelClients_InsertingTheSameNewValue_GetNoServerError_AndOneRowIsStored()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++) clients.Add(await App.ClientAsAsync(i % 2 == 0 ? "pacmiau" : "baolam"));
        var responses = await Task.WhenAll(clients.Select((c, i) => SaveAsync(c, Row((200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null, "2024S1"))));
        var codes = responses.Select(r => r.StatusCode).ToList();
        codes.ShouldAllBe(c => c == HttpStatusCode.OK || c == HttpStatusCode.Conflict, string.Join(", ", codes));
        codes.ShouldContain(HttpStatusCode.OK);

        await using var db = Context();
        var rows = await db.DataValues.Where(v => v.Indicator!.Code == Figure && v.OrgUnit!.Code == "01290" && v.Period!.Code == "2024S1").ToListAsync();
        rows.Count.ShouldBe(1);
        // Every accepted save is in the change log (one insert, then updates), every refused one is not.
        var logged = await db.DataValueChanges.CountAsync(c => c.IndicatorId == rows[0].IndicatorId && c.OrgUnitId == rows[0].OrgUnitId && c.PeriodId == rows[0].PeriodId);
        logged.ShouldBe(codes.Count(c => c == HttpStatusCode.OK));
        rows[0].Version.ShouldBe(logged);
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task TwoBulkSavesOfTheSameVersion_AboveTheSetBasedThreshold_OneWins_TheOtherWritesNothing()
    {
        List<DataValueRow> rows;
        using (await App.ClientAsAsync(null)) { } // the app's start loads the demo data
        await using (var db = Context())
        {
            var indicators = await db.Indicators.Where(i => i.Disaggregations.Any(d => d.Disaggregation!.Code == "total") && i.ValueType == Gnbv.Domain.Indicators.IndicatorValueType.Integer
                    && i.PeriodType == Gnbv.Domain.Periods.PeriodType.SixMonthly)
                .Select(i => i.Code).ToListAsync();
            var communes = await db.OrgUnits.Where(u => u.Path.Contains("/042/") && u.Code != "042").Select(u => u.Code).ToListAsync();
            rows = (from i in indicators from c in communes from p in new[] { "2026S1", "2026S2" } select new DataValueRow { DataElement = i, OrgUnit = c, Period = p, Value = "1" }).ToList();
        }
        rows.Count.ShouldBeGreaterThan(600, "enough values for the set-based writer on PostgreSQL");
        // SQLite has one writer path (the change tracker): a smaller batch tests it as well, faster.
        if (Provider == DatabaseProvider.Sqlite) rows = rows.Take(150).ToList();
        await ImportAsync(new ImportPackage { DataValues = rows });

        ImportPackage Bulk(string value) => new() { DataValues = rows.Select(r => new DataValueRow { DataElement = r.DataElement, OrgUnit = r.OrgUnit, Period = r.Period, Value = value, Version = 1 }).ToList() };
        async Task<Exception?> Run(string value)
        {
            await using var db = Context();
            try { await db.Service<PackageImporter>().ImportAsync(Bulk(value), new ImportOptions(Actor: Gnbv.Data.Users.Actor.System)); return null; }
            catch (Exception e) { return e; }
        }
        var outcomes = await Task.WhenAll(Run("2"), Run("3"));
        outcomes.Count(e => e is null).ShouldBe(1, string.Join(" | ", outcomes.Select(e => e?.GetType().Name + ": " + e?.Message)));
        var lost = outcomes.Single(e => e is not null).ShouldBeOfType<EditConflictException>();
        lost.Conflicts.Count.ShouldBe(rows.Count);
        var won = outcomes[0] is null ? 2m : 3m;

        await using var check = Context();
        var values = await check.DataValues.Where(v => v.Period!.Code.StartsWith("2026")).Select(v => new { v.Value, v.Version }).ToListAsync();
        values.Count.ShouldBe(rows.Count);
        values.ShouldAllBe(v => v.Value == won && v.Version == 2);
    }
}

public class ValueConflictTests_Sqlite() : ValueConflictTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ValueConflictTests_Postgres() : ValueConflictTests(DatabaseProvider.Postgres);
