using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>The household registry through the API: scoping, masking, census edits that move the published figures, background import, logged export.</summary>
public abstract partial class HouseholdsApiTests(DatabaseProvider provider) : AppTest(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = App.CreateClient(); // starts the host, which loads the demo units and users
        await using var db = Context();
        await DemoHouseholds.LoadAsync(db, count: 60, seed: 7);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex(@"\b\d{12}\b")]
    private static partial Regex FullCitizenId();

    [Fact]
    public async Task List_FiltersByUnitStatusAndSearch_WithoutCitizenIds()
    {
        await using var db = Context();
        using var district = await App.ClientAsAsync("baolam");

        var all = await JsonAsync(await district.GetAsync("/api/v1/households?unit=042"));
        all.GetProperty("total").GetInt32().ShouldBe(await db.Households.CountAsync());
        all.GetProperty("items").GetArrayLength().ShouldBe(50);

        var poor2023 = await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.Poor);
        poor2023.ShouldBeGreaterThan(0);
        var poor = await JsonAsync(await district.GetAsync("/api/v1/households?unit=042&status=poor&year=2023"));
        poor.GetProperty("total").GetInt32().ShouldBe(poor2023);
        poor.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() == "poor" && i.GetProperty("year").GetInt32() == 2023);

        // Deprived on water (bit of the indicator in the 2022-2025 standard) in 2023.
        var standard = await db.PovertyStandards.AsNoTracking().FirstAsync(s => s.Code == "2022-2025");
        var bit = 1 << standard.Indicators.Single(i => i.Code == "water").Sort;
        var water = await db.CensusEntries.CountAsync(c => c.Year == 2023 && (c.DeprivedMask & bit) != 0);
        (await JsonAsync(await district.GetAsync("/api/v1/households?deprivation=water&year=2023"))).GetProperty("total").GetInt32().ShouldBe(water);

        var someone = await db.Households.OrderBy(h => h.Id).Skip(5).FirstAsync();
        // Given names start with an ASCII capital, so lower() agrees on both databases.
        var given = someone.HeadName.Split(' ')[^1].ToLowerInvariant();
        var found = await JsonAsync(await district.GetAsync($"/api/v1/households?q={Uri.EscapeDataString(given)}"));
        found.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("headName").GetString()!.ToLowerInvariant().Contains(given) || i.GetProperty("code").GetString()!.ToLowerInvariant().Contains(given));
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldContain(someone.Code);
        var byCode = await JsonAsync(await district.GetAsync($"/api/v1/households?q={someone.Code}"));
        byCode.GetProperty("total").GetInt32().ShouldBe(1);
        byCode.GetProperty("items")[0].GetProperty("synthetic").GetBoolean().ShouldBeTrue();

        var text = await (await district.GetAsync("/api/v1/households?unit=042&page=2")).Content.ReadAsStringAsync();
        FullCitizenId().IsMatch(text).ShouldBeFalse("lists never carry citizen IDs");
        text.ShouldNotContain("citizenId");
    }

    [Fact]
    public async Task List_CommuneOfficer_SeesOnlyTheirCommune_AndAnotherCommuneIs403()
    {
        await using var db = Context();
        using var commune = await App.ClientAsAsync("pacmiau");
        var own = await JsonAsync(await commune.GetAsync("/api/v1/households"));
        own.GetProperty("total").GetInt32().ShouldBe(await db.Households.CountAsync(h => h.OrgUnit!.Code == "01290"));
        own.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("commune").GetString() == "01290");
        (await commune.GetAsync("/api/v1/households?unit=01294")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await commune.GetAsync("/api/v1/households/transitions?unit=01294&year=2023")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Detail_ShowsFullIdsToTheOfficer_MaskedToTheViewer_And403ToAnotherCommune()
    {
        await using var db = Context();
        var member = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.CitizenId != null && db.Households.Any(h => h.Id == m.HouseholdId && h.OrgUnit!.Code == "01290"))
            .OrderBy(m => m.Id).FirstAsync();

        using var officer = await App.ClientAsAsync("pacmiau");
        var full = await JsonAsync(await officer.GetAsync($"/api/v1/households/{member.HouseholdId}"));
        full.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("citizenId").GetString()).ShouldContain(member.CitizenId);
        full.GetProperty("census").GetArrayLength().ShouldBe(2);
        full.GetProperty("census")[0].GetProperty("year").GetInt32().ShouldBe(2023);
        full.GetProperty("census")[0].GetProperty("reasons").EnumerateArray().Last().GetString()!.ShouldStartWith("Chuẩn 2022-2025");

        using var viewer = await App.ClientAsAsync("baolam.xem");
        var masked = await JsonAsync(await viewer.GetAsync($"/api/v1/households/{member.HouseholdId}"));
        masked.GetProperty("citizenIdsMasked").GetBoolean().ShouldBeTrue();
        masked.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("citizenId").GetString())
            .ShouldContain("********" + member.CitizenId![^4..]);
        FullCitizenId().IsMatch(masked.GetRawText()).ShouldBeFalse();

        using var other = await App.ClientAsAsync("lybon");
        (await other.GetAsync($"/api/v1/households/{member.HouseholdId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/v1/households/999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Classify_AnswersStatusAndReasons_UnderTheStandardOfTheYear()
    {
        using var officer = await App.ClientAsAsync("pacmiau");
        var poor = await JsonAsync(await officer.GetAsync("/api/v1/households/classify?year=2023&area=rural&income=1200000&deprived=water,sanitation,telecom"));
        poor.GetProperty("status").GetString().ShouldBe("poor");
        poor.GetProperty("statusName").GetString().ShouldBe("hộ nghèo");
        poor.GetProperty("standard").GetString().ShouldBe("2022-2025");
        poor.GetProperty("reasons")[0].GetString()!.ShouldContain("1.200.000");
        var near = await JsonAsync(await officer.GetAsync("/api/v1/households/classify?year=2023&income=1200000&deprived=water"));
        near.GetProperty("status").GetString().ShouldBe("near-poor");
        var bad = await officer.GetAsync("/api/v1/households/classify?year=2023&income=1&deprived=nope");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("nope");
    }

    [Fact]
    public async Task CensusPut_Reclassifies_AndMovesThePublishedPoorCount()
    {
        await using var db = Context();
        var entry = await db.CensusEntries.AsNoTracking().Include(c => c.Household)
            .Where(c => c.Year == 2023 && c.Status != HouseholdStatus.Poor && c.Household!.OrgUnit!.Code == "01290").OrderBy(c => c.Id).FirstAsync();
        var before = await PublishedAsync("HN.HO_NGHEO", "01290", "2023");
        before.ShouldBe(await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.Poor && c.Household!.OrgUnit!.Code == "01290"));

        using var viewer = await App.ClientAsAsync("baolam.xem");
        var body = new { income = 600_000L, deprived = new[] { "water", "sanitation", "telecom", "housing-quality" }, expectedEscape = true, supportPlan = "Vay vốn chăn nuôi", reason = "Phúc tra" };
        (await viewer.PutAsJsonAsync($"/api/v1/households/{entry.HouseholdId}/census/2023", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var other = await App.ClientAsAsync("lybon");
        (await other.PutAsJsonAsync($"/api/v1/households/{entry.HouseholdId}/census/2023", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PublishedAsync("HN.HO_NGHEO", "01290", "2023")).ShouldBe(before);

        using var officer = await App.ClientAsAsync("pacmiau");
        var saved = await JsonAsync(await officer.PutAsJsonAsync($"/api/v1/households/{entry.HouseholdId}/census/2023", body));
        saved.GetProperty("created").GetBoolean().ShouldBeFalse();
        saved.GetProperty("classification").GetProperty("status").GetString().ShouldBe("poor");

        await using var after = Context();
        var stored = await after.CensusEntries.AsNoTracking().SingleAsync(c => c.HouseholdId == entry.HouseholdId && c.Year == 2023);
        stored.Status.ShouldBe(HouseholdStatus.Poor);
        stored.Income.ShouldBe(600_000);
        stored.ScoreA.ShouldBeNull();
        stored.ScoreB.ShouldBe(40);
        stored.ExpectedEscape.ShouldBeTrue();
        stored.MemberCount.ShouldBe(await after.HouseholdMembers.CountAsync(m => m.HouseholdId == entry.HouseholdId));
        (await PublishedAsync("HN.HO_NGHEO", "01290", "2023")).ShouldBe(before + 1);
        (await after.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == AuditEntities.HouseholdCensus)).ChangedBy.ShouldBe("pacmiau");

        // A bad input is a 400 and changes nothing.
        var bad = await officer.PutAsJsonAsync($"/api/v1/households/{entry.HouseholdId}/census/2023", new { income = 1L, scoreA = 10 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PublishedAsync("HN.HO_NGHEO", "01290", "2023")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Import_WithBadRows_ReportsEachRowError_AndWritesNothing_ThenAGoodFileIsImported()
    {
        await using var db = Context();
        var households = await db.Households.CountAsync();
        var header = string.Join(',', HouseholdColumns.All.Select(c => c.Key));
        string Row(string code, string commune, string income, string name, string citizenId)
        {
            var cells = HouseholdColumns.All.Select(c => c.Key switch
            {
                "household_code" => code,
                "commune" => commune,
                "village" => "Xóm 1",
                "area" => "Nông thôn",
                "ethnicity" => "Mông",
                "census_year" => "2023",
                "income" => income,
                "water" => "x",
                "name" => name,
                "relation" => "Chủ hộ",
                "citizen_id" => citizenId,
                _ => "",
            });
            return string.Join(',', cells);
        }
        var bad = $"{header}\n{Row("T-1", "01290", "900000", "Giàng A Páo", "12345")}\n{Row("T-2", "01290", "chín trăm", "Lý Thị Mai", "")}\n";

        using var officer = await App.ClientAsAsync("pacmiau");
        var failed = await RunImportAsync(officer, bad, "ho-loi.csv");
        failed.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        failed.GetProperty("stageName").GetString().ShouldBe("Không nhập được, không ghi gì");
        var errors = failed.GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldContain(e => e.GetProperty("line").GetInt32() == 2 && e.GetProperty("column").GetString() == "Số CCCD");
        errors.ShouldContain(e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("column").GetString() == "Thu nhập bình quân");
        await using (var check = Context()) (await check.Households.CountAsync()).ShouldBe(households);

        var good = $"{header}\n{Row("T-1", "01290", "900000", "Giàng A Páo", "001234567890")}\n";
        var done = await RunImportAsync(officer, good, "ho.csv");
        done.GetProperty("succeeded").GetBoolean().ShouldBeTrue(done.GetRawText());
        done.GetProperty("percent").GetInt32().ShouldBe(100);
        done.GetProperty("result").GetProperty("created").GetInt32().ShouldBe(1);
        await using (var check = Context())
        {
            var h = await check.Households.Include(x => x.Census).SingleAsync(x => x.Code == "T-1");
            h.Census.Single().Status.ShouldBe(HouseholdStatus.NearPoor);
        }

        // Someone else cannot follow the job.
        var started = await officer.PostAsync("/api/v1/households/import", Upload(good, "ho.csv"));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetString();
        using var other = await App.ClientAsAsync("lybon");
        (await other.GetAsync($"/api/v1/households/import/{job}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await WaitAsync(officer, job!);
    }

    [Fact]
    public async Task Import_ForeignCommune_FailsAsForbidden_WithNothingWritten()
    {
        await using var db = Context();
        var households = await db.Households.CountAsync();
        var header = string.Join(',', HouseholdColumns.All.Select(c => c.Key));
        var row = string.Join(',', HouseholdColumns.All.Select(c => c.Key switch { "household_code" => "F-1", "commune" => "01294", "name" => "Lò Văn Sơn", "relation" => "Chủ hộ", _ => "" }));
        using var officer = await App.ClientAsAsync("pacmiau");
        var failed = await RunImportAsync(officer, $"{header}\n{row}\n", "ho.csv");
        failed.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        failed.GetProperty("errors")[0].GetProperty("column").GetString().ShouldBe("Mã xã");
        await using var check = Context();
        (await check.Households.CountAsync()).ShouldBe(households);
    }

    [Fact]
    public async Task Export_IsLogged_FullIdsForTheOfficer_MaskedForTheViewer_AndReimports()
    {
        await using var db = Context();
        var rows = await db.HouseholdMembers.CountAsync(m => db.Households.Any(h => h.Id == m.HouseholdId && h.OrgUnit!.Code == "01290"));

        using var officer = await App.ClientAsAsync("pacmiau");
        var response = await officer.GetAsync("/api/v1/households/export.csv?unit=01290&year=2023");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("danh-sach-ho-01290-2023.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(rows + 1);
        FullCitizenId().IsMatch(csv).ShouldBeTrue();

        await using (var check = Context())
        {
            var audit = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == AuditEntities.HouseholdExport);
            audit.EntityKey.ShouldBe("01290/2023");
            audit.ChangedBy.ShouldBe("pacmiau");
            audit.Changes.ShouldContain($"\"rows\":{rows}");
            audit.Changes.ShouldContain("\"full\"");
        }

        // The log reads back through the audit API, next to the import entries the demo registry left.
        var log = await JsonAsync(await officer.GetAsync("/api/v1/audit?orgUnit=01290&entity=household-export"));
        log.EnumerateArray().Single().GetProperty("changes").GetProperty("rows")[1].GetString().ShouldBe(rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await officer.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var viewer = await App.ClientAsAsync("baolam.xem");
        var masked = await viewer.GetStringAsync("/api/v1/households/export.csv?unit=01290&year=2023");
        FullCitizenId().IsMatch(masked).ShouldBeFalse();
        masked.ShouldContain("********");
        await using (var check = Context())
            (await check.AuditEntries.CountAsync(a => a.Entity == AuditEntities.HouseholdExport && a.ChangedBy == "baolam.xem")).ShouldBe(1);

        // The officer's file goes back in unchanged: same households, nothing new.
        await using var import = Context();
        using var stream = new MemoryStream(bytes);
        var result = await import.Service<HouseholdImporter>().ImportAsync(stream, "export.csv", new HouseholdImportOptions(Actor.System));
        result.Created.ShouldBe(0);
        result.Rows.ShouldBe(rows);
    }

    [Fact]
    public async Task Transitions_AddUp_AndMatchTheRegistry()
    {
        await using var db = Context();
        using var district = await App.ClientAsAsync("baolam");
        var t = await JsonAsync(await district.GetAsync("/api/v1/households/transitions?unit=042&year=2023"));
        var total = t.GetProperty("total");
        long L(JsonElement e, string p) => e.GetProperty(p).GetInt64();
        (L(total, "poorStart") + L(total, "entered") - L(total, "exited")).ShouldBe(L(total, "poorEnd"));
        L(total, "poorEnd").ShouldBe(await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.Poor));
        L(total, "poorStart").ShouldBe(await db.CensusEntries.CountAsync(c => c.Year == 2022 && c.Status == HouseholdStatus.Poor));
        var rows = t.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(13);
        rows.Sum(r => L(r, "poorEnd")).ShouldBe(L(total, "poorEnd"));
        foreach (var r in rows) (L(r, "poorStart") + L(r, "entered") - L(r, "exited")).ShouldBe(L(r, "poorEnd"), r.GetProperty("unit").GetString());

        var escape = await JsonAsync(await district.GetAsync("/api/v1/households/expected-escape?unit=042&year=2023"));
        escape.GetProperty("households").GetArrayLength().ShouldBe(await db.CensusEntries.CountAsync(c => c.Year == 2022 && c.ExpectedEscape));
        escape.GetProperty("households").EnumerateArray().ShouldAllBe(h => h.GetProperty("supportPlan").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Pages_RenderTheListDetailAndTransitions_WithTheSameScopeAndMasking()
    {
        await using var db = Context();
        var member = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.CitizenId != null && db.Households.Any(h => h.Id == m.HouseholdId && h.OrgUnit!.Code == "01290"))
            .OrderBy(m => m.Id).FirstAsync();
        using var district = await App.ClientAsAsync("baolam");
        var list = await district.GetStringAsync("/households?unit=042&status=poor&year=2023");
        list.ShouldContain("Dữ liệu giả lập");
        list.ShouldContain("được ghi vào nhật ký");
        list.ShouldContain($"<strong>{await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.Poor)}</strong>");

        var officerPage = await (await App.ClientAsAsync("pacmiau")).GetStringAsync($"/households/{member.HouseholdId}");
        officerPage.ShouldContain(member.CitizenId!);
        officerPage.ShouldContain("data-classify");
        var viewerPage = await (await App.ClientAsAsync("baolam.xem")).GetStringAsync($"/households/{member.HouseholdId}");
        viewerPage.ShouldNotContain(member.CitizenId!);
        viewerPage.ShouldContain("********" + member.CitizenId![^4..]);
        viewerPage.ShouldNotContain("data-classify", customMessage: "a viewer gets no census form");
        var foreign = await (await App.ClientAsAsync("lybon")).GetAsync($"/households/{member.HouseholdId}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreign.Content.ReadAsStringAsync()).ShouldNotContain(member.CitizenId!);

        var transitions = await district.GetStringAsync("/households/transitions?unit=042&year=2023");
        transitions.ShouldContain("Biến động hộ nghèo");
        transitions.ShouldContain("Thị trấn Pác Miầu".Split(' ')[^2]);
    }

    private async Task<decimal> PublishedAsync(string indicator, string unit, string period)
    {
        await using var db = Context();
        return await db.DataValues.AsNoTracking()
            .Where(v => v.Indicator!.Code == indicator && v.Disaggregation!.Code == "total" && v.OrgUnit!.Code == unit && v.Period!.Code == period)
            .Select(v => v.Value).SingleAsync();
    }

    private static MultipartFormDataContent Upload(string csv, string name) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name }, { new StringContent("thử"), "reason" } };

    private static async Task<JsonElement> RunImportAsync(HttpClient client, string csv, string name)
    {
        var started = await client.PostAsync("/api/v1/households/import", Upload(csv, name));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        started.Headers.Location.ShouldNotBeNull();
        var job = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetString()!;
        return await WaitAsync(client, job);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string job)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await JsonAsync(await client.GetAsync($"/api/v1/households/import/{job}"));
            if (status.GetProperty("done").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import job {job} did not finish");
    }
}

public class HouseholdsApiTests_Sqlite() : HouseholdsApiTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HouseholdsApiTests_Postgres() : HouseholdsApiTests(DatabaseProvider.Postgres);
