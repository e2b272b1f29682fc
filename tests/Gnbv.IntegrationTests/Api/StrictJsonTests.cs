using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Cli;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Api;

/// <summary>
/// A JSON body is read strictly on every endpoint (issue 15, item 4): a misspelt field, a key given
/// twice or a null row is a 400 naming the JSON path, and nothing is written; a package file with the
/// same content is refused by `gnbv import` with one line, not a stack trace.
/// </summary>
public abstract class StrictJsonTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Key = """ "dataElement": "CS.TD_HO_NGHEO_LUOT", "period": "2023S1", "orgUnit": "01294" """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = App.CreateClient();
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<decimal?> StoredAsync()
    {
        await using var db = Context();
        return await db.DataValues.Where(v => v.Indicator!.Code == "CS.TD_HO_NGHEO_LUOT" && v.OrgUnit!.Code == "01294" && v.Period!.Code == "2023S1")
            .Select(v => (decimal?)v.Value).SingleOrDefaultAsync();
    }

    /// <summary>The 400's ProblemDetails: its first error's path, and the whole text.</summary>
    private static async Task<(string Path, string Text)> RefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        using var doc = JsonDocument.Parse(text);
        var errors = doc.RootElement.GetProperty("errors");
        var path = errors[0].TryGetProperty("path", out var p) ? p.GetString()! : "";
        return (path, text);
    }

    [Fact]
    public async Task MisspeltField_IsRefusedNamingIt_AndTheStoredValueStays()
    {
        using var client = await App.ClientAsAsync("baolam");
        (await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "value": "7" }]}"""))).EnsureSuccessStatusCode();
        (await StoredAsync()).ShouldBe(7m);

        // "vaule" was ignored, so the row had no value and deleted the stored one ("deleted":1).
        var (path, text) = await RefusedAsync(await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "vaule": "5" }]}""")));
        path.ShouldBe("$.dataValues[0].vaule");
        text.ShouldContain("trường 'vaule' không có");
        (await StoredAsync()).ShouldBe(7m);
    }

    [Fact]
    public async Task DuplicateKeys_AreRefusedNamingThem_NotTheLastOneWinning()
    {
        using var client = await App.ClientAsAsync("baolam");
        var (path, text) = await RefusedAsync(await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "value": "1", "value": "2" }]}""")));
        path.ShouldBe("$.dataValues[0].value");
        text.ShouldContain("xuất hiện hai lần");

        // A second array silently replaced the first.
        (path, _) = await RefusedAsync(await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "value": "1" }], "dataValues":[]}""")));
        path.ShouldBe("$.dataValues");
        (await StoredAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task NullRows_AreA400NamingTheRow_OnEveryKindOfBody()
    {
        using var client = await App.ClientAsAsync("admin");
        var cases = new (string Method, string Url, string Body, string Path)[]
        {
            ("POST", "/api/v1/dataValueSets", $$"""{"dataValues":[{ {{Key}}, "value": "1" }, null]}""", "$.dataValues[1]"),
            ("POST", "/api/v1/dataValueSets", """{"dataValues":null}""", "$.dataValues"),
            ("POST", "/api/v1/works", "[null]", "$[0]"),
            ("POST", "/api/v1/targets", "[null]", "$[0]"),
            ("POST", "/api/v1/documents", """[{"number":"1/QĐ","programItems":[null]}]""", "$[0].programItems[0]"),
            ("POST", "/api/v1/capital", """{"capitalAllocations":[null],"disbursements":[]}""", "$.capitalAllocations[0]"),
            ("PUT", "/api/v1/reportSections", "[null]", "$[0]"),
            ("POST", "/api/v1/orgUnits", "[null]", "$[0]"),
            ("POST", "/api/v1/indicators", "[null]", "$[0]"),
            ("POST", "/api/v1/catalogue", "[null]", "$[0]"),
            ("POST", "/api/v1/workflow/submit?orgUnit=01294&period=2023S1", """{"reason":"x","explanations":{"a":null}}""", "$.explanations['a']"),
        };
        await using var db = Context();
        var before = await db.AuditEntries.CountAsync();
        foreach (var (method, url, body, expected) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) };
            var (path, text) = await RefusedAsync(await client.SendAsync(request));
            path.ShouldBe(expected, $"{method} {url}: {text}");
        }
        (await db.AuditEntries.CountAsync()).ShouldBe(before, "nothing written");
    }

    [Fact]
    public async Task ControlCharacters_InAnyString_AreA400NamingThePath()
    {
        using var client = await App.ClientAsAsync("baolam");
        // \u0000 was stored on SQLite and a 500 on PostgreSQL.
        var (path, text) = await RefusedAsync(await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "value": "1", "comment": "a\u0000b" }]}""")));
        path.ShouldBe("$.dataValues[0].comment");
        text.ShouldContain("U+0000");
        (path, _) = await RefusedAsync(await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "value": "1", "comment": "\u001b[31m" }]}""")));
        path.ShouldBe("$.dataValues[0].comment");
        (path, _) = await RefusedAsync(await client.PutAsync("/api/v1/reportSections", Json("""[{"orgUnit":"01294","period":"2023S1","section":"V","title":"t","text":"broken \ud800 half"}]""")));
        path.ShouldBe("$[0].text");
        (await StoredAsync()).ShouldBeNull();

        // Line breaks and tabs are text.
        (await client.PostAsync("/api/v1/dataValueSets", Json($$"""{"dataValues":[{ {{Key}}, "value": "1", "comment": "dòng 1\r\n\tdòng 2" }]}"""))).EnsureSuccessStatusCode();
        (await StoredAsync()).ShouldBe(1m);
    }

    [Fact]
    public async Task Codes_WithInvisibleOrBidiCharacters_AreRefusedNamingTheRowAndField_SoTwoLookAlikeWorksCannotCoexist()
    {
        using var client = await App.ClientAsAsync("baolam");
        static string Work(string code) => $$"""[{"code":"{{code}}","name":"Đường thôn","kind":"transport","orgUnit":"01290","programItem":"DA1.TDA1","status":"planned"}]""";
        (await client.PostAsync("/api/v1/works", Json(Work("PM-ZW-1")))).EnsureSuccessStatusCode();
        foreach (var code in new[] { "PM-ZW-1\\u200B", "PM-\\u202EZW-1", "PM-ZW-1\\u00AD", "\\uFEFFPM-ZW-1", "PM-ZW-1\\t" })
        {
            var response = await client.PostAsync("/api/v1/works", Json(Work(code)));
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code + text);
            using var doc = JsonDocument.Parse(text);
            var error = doc.RootElement.GetProperty("errors")[0];
            (error.GetProperty("section").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()).ShouldBe(("works", 0, "code"), code);
            text.ShouldContain("U+", Case.Sensitive, code);
        }
        await using var db = Context();
        (await db.Works.CountAsync(w => w.Code.Contains("ZW-1"))).ShouldBe(1);
    }

    [Fact]
    public async Task AuditReason_WithAControlCharacter_IsRefusedOnTheCommandLine_InOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), "gnbv-strict-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, $$"""{"dataValues":[{ {{Key}}, "value": "3" }]}""");
        var result = await CliRunner.RunAsync(Database, "import", file, "--reason", "sửa\u0001lại");
        result.ExitCode.ShouldBe(1, result.Err);
        result.Err.ShouldContain("U+0001");
        result.Err.ShouldNotContain("   at ");
        (await StoredAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task GnbvImport_OfAPackageWithANullRowOrAnUnknownField_ExitsWithOneLineNamingIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-strict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var cases = new (string Json, string Expected)[]
        {
            ("""{"dataValues":[null]}""", "$.dataValues[0]: dòng 0 là null"),
            ($$"""{"dataValues":[{ {{Key}}, "vaule": "5" }]}""", "$.dataValues[0].vaule: trường 'vaule' không có"),
            ($$"""{"dataValues":[{ {{Key}}, "value": "1", "value": "2" }]}""", "$.dataValues[0].value: trường 'value' xuất hiện hai lần"),
            ($$"""{"reason":"a\u0007b","dataValues":[]}""", "$.reason: có ký tự điều khiển U+0007"),
        };
        foreach (var (json, expected) in cases)
        {
            var file = Path.Combine(dir, "goi.json");
            await File.WriteAllTextAsync(file, json);
            var result = await CliRunner.RunAsync(Database, "import", file);
            result.ExitCode.ShouldBe(1, result.Err);
            result.Err.ShouldContain(expected, Case.Sensitive, json);
            result.Err.ShouldNotContain("sai cú pháp", Case.Sensitive, json);
            result.Err.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        }
        (await StoredAsync()).ShouldBeNull();
    }
}

public sealed class StrictJsonTests_Sqlite() : StrictJsonTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class StrictJsonTests_Postgres() : StrictJsonTests(DatabaseProvider.Postgres);
