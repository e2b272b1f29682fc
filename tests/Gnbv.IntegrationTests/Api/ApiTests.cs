using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Api;

public abstract class ApiTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private GnbvApp _app = null!;
    private HttpClient _client = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new GnbvApp(Database);
        _client = await _app.ClientAsAsync("baolam");
    }

    public override async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task OrgUnits_ListsTheDemoDistrictAndItsThirteenCommunes()
    {
        var units = await GetJsonAsync("/api/v1/orgUnits?parent=042");
        units.GetArrayLength().ShouldBe(13);
        units.EnumerateArray().Select(u => u.GetProperty("name").GetString()).ShouldContain("Pác Miầu");
        var district = await GetJsonAsync("/api/v1/orgUnits/042");
        district.GetProperty("parent").GetString().ShouldBe("04");
        (await _client.GetAsync("/api/v1/orgUnits/nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Catalogue_ListsProjectsInOrder()
    {
        var items = await GetJsonAsync("/api/v1/catalogue?program=CT2125");
        var codes = items.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        codes.Take(4).ShouldBe(["CT2125", "DA1", "DA1.TDA1", "DA1.TDA2"]);
        codes.Count.ShouldBe(19);
    }

    [Fact]
    public async Task DataValueSet_GoodBatch_IsSavedAndReadBack_WithItsChangeLog()
    {
        var body = new
        {
            dataValues = new object[]
        {
            new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value = "21", comment = "xã báo cáo" },
            new { dataElement = "DA5.HO_XAY_MOI", period = "2023S1", orgUnit = "01290", disaggregation = "poor", value = 4 },
        }
        };
        var response = await _client.PostAsJsonAsync("/api/v1/dataValueSets", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("sections").GetProperty("dataValues").GetProperty("created").GetInt32().ShouldBe(2);

        var set = await GetJsonAsync("/api/v1/dataValueSets?orgUnit=01290&period=2023S1");
        var values = set.GetProperty("dataValues").EnumerateArray().ToList();
        values.Count.ShouldBe(2);
        values.Single(v => v.GetProperty("dataElement").GetString() == "DA5.HO_XAY_MOI").GetProperty("value").GetString().ShouldBe("4");

        (await _client.PostAsJsonAsync("/api/v1/dataValueSets", new { dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value = "22" } } }))
            .EnsureSuccessStatusCode();
        var changes = await GetJsonAsync("/api/v1/dataValues/changes?dataElement=CS.TD_HO_NGHEO_LUOT&orgUnit=01290&period=2023S1");
        changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()).ShouldBe(["insert", "update"]);
        changes[1].GetProperty("oldValue").GetDecimal().ShouldBe(21m);
        changes[1].GetProperty("changedBy").GetString().ShouldBe("baolam");

        // The district sees its commune's figure added to its own.
        var figures = await GetJsonAsync("/api/v1/figures?orgUnit=042&period=2023S1");
        figures.GetProperty("dataValues").EnumerateArray()
            .Single(v => v.GetProperty("dataElement").GetString() == "CS.TD_HO_NGHEO_LUOT")
            .GetProperty("value").GetDecimal().ShouldBe(409m + 22m);
    }

    [Fact]
    public async Task DataValueSet_OneBadRow_Is400NamingRowAndField_AndWritesNothing()
    {
        var body = new
        {
            dataValues = new object[]
        {
            new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value = "21" },
            new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01291", value = "hai mươi" },
        }
        };
        var response = await _client.PostAsJsonAsync("/api/v1/dataValueSets", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("row").GetInt32().ShouldBe(1);
        error.GetProperty("field").GetString().ShouldBe("value");
        error.GetProperty("message").GetString()!.ShouldContain("hai mươi");

        await using var db = Context();
        (await db.DataValues.CountAsync(v => v.OrgUnit!.Code == "01290")).ShouldBe(0);
    }

    [Fact]
    public async Task Figures_ForTheDemoDistrict_GiveProject2AsItsSources()
    {
        var figures = await GetJsonAsync("/api/v1/figures?orgUnit=B%E1%BA%A3o%20L%C3%A2m&period=2023S1");
        var da2 = figures.GetProperty("capital").EnumerateArray().Single(c => c.GetProperty("programItem").GetString() == "DA2");
        da2.GetProperty("total").GetInt64().ShouldBe(9_835_440_000L);
        da2.GetProperty("allocatedInYear").GetInt64().ShouldBe(8_285_000_000L);
        da2.GetProperty("carriedOver").GetInt64().ShouldBe(1_550_440_000L);
        da2.GetProperty("display").GetString()!.ShouldStartWith("9.835,44 triệu đồng");
    }

    [Fact]
    public async Task Writes_ForWorksDocumentsCapitalAndSections_GoThroughTheSameChecks()
    {
        (await _client.PostAsJsonAsync("/api/v1/works", new[]
        {
            new { code = "W-1", name = "Đường thôn Nà Kéo", kind = "transport", orgUnit = "01318", programItem = "DA1.TDA1", status = "under-construction", budget = 1_200_000_000L },
        })).EnsureSuccessStatusCode();
        var works = await GetJsonAsync("/api/v1/works?orgUnit=01318");
        works.EnumerateArray().ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("under-construction");

        var bad = await _client.PostAsJsonAsync("/api/v1/capital", new
        {
            capitalAllocations = new[] { new { orgUnit = "042", programItem = "DA9", source = "NSTW_SN", year = 2024, amount = 5L } },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("capitalAllocations[0]");

        (await _client.PostAsJsonAsync("/api/v1/documents", new[]
        {
            new { number = "15/KH-UBND", kind = "KH", date = "2023-07-02", issuer = "042", subject = "Kế hoạch 6 tháng cuối năm" },
        })).EnsureSuccessStatusCode();
        var docs = await GetJsonAsync("/api/v1/documents?from=2023-07-01&to=2023-07-31");
        docs.EnumerateArray().ShouldHaveSingleItem().GetProperty("issuerName").GetString().ShouldBe("Bảo Lâm");

        (await _client.PutAsJsonAsync("/api/v1/reportSections", new[]
        {
            new { orgUnit = "042", period = "2023S1", section = "V", text = "Đề nghị Sở hướng dẫn quyết toán." },
        })).EnsureSuccessStatusCode();
        var sections = await GetJsonAsync("/api/v1/reportSections?orgUnit=042&period=2023S1");
        sections.EnumerateArray().Single(s => s.GetProperty("section").GetString() == "V").GetProperty("text").GetString().ShouldBe("Đề nghị Sở hướng dẫn quyết toán.");
    }

    [Fact]
    public async Task Periods_BadIdentifier_IsAProblemDetails400()
    {
        var response = await _client.GetAsync("/api/v1/periods/2023S3");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("S1 hoặc S2");
        var ok = await GetJsonAsync("/api/v1/periods/2023Q2");
        ok.GetProperty("start").GetString().ShouldBe("2023-04-01");
    }

    [Fact]
    public async Task Import_UploadedCsv_IsAllOrNothing()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("dataElement,period,orgUnit,value\nCS.TD_HO_NGHEO_LUOT,2023S1,01290,3\nCS.TD_HO_NGHEO_LUOT,2023S1,01291,x\n"), "file", "../../etc/values.csv");
        var response = await _client.PostAsync("/api/v1/imports", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("dataValues dòng (row) 3");
        await using var db = Context();
        (await db.DataValues.CountAsync(v => v.OrgUnit!.Code == "01290")).ShouldBe(0);
    }

    [Fact]
    public async Task HomePage_ShowsUnitsCatalogueAndTheDemoFigures_InVietnamese()
    {
        var html = await _client.GetStringAsync("/?unit=042&period=2023S1");
        html.ShouldContain("Huyện Bảo Lâm, 2023S1");
        html.ShouldContain("Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo");
        html.ShouldContain("9.835,44");
        html.ShouldContain("Pác Miầu");
        html.ShouldContain("lang=\"vi\"");
        var english = new HttpRequestMessage(HttpMethod.Get, "/");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        (await (await _client.SendAsync(english)).Content.ReadAsStringAsync()).ShouldContain("Capital by project");
    }
}

public class ApiTests_Sqlite() : ApiTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ApiTests_Postgres() : ApiTests(DatabaseProvider.Postgres);
