using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Operations;

public class UploadFileNameSanitizeTests
{
    [Theory]
    [InlineData("../../etc/passwd.xlsx", "passwd.xlsx")]
    [InlineData("..\\..\\x.csv", "x.csv")]
    [InlineData("C:\\Users\\xa\\Desktop\\danh sách hộ.csv", "danh sách hộ.csv")]
    [InlineData("a\0b\r\nc\u202Ed.csv", "abcd.csv")]
    [InlineData("\"<script>alert(1)</script>\".csv", "script.csv")]
    [InlineData("<b>ho|x*?:.csv", "bhox.csv")]
    [InlineData("..", "tep-tai-len")]
    [InlineData("../", "tep-tai-len")]
    [InlineData("", "tep-tai-len")]
    [InlineData(null, "tep-tai-len")]
    [InlineData("ho.csv. . ", "ho.csv")]
    public void Sanitize_KeepsOnlyASafeLastSegment(string? raw, string expected) => UploadFileName.Sanitize(raw).ShouldBe(expected);

    [Fact]
    public void Sanitize_CutsALongName_KeepingItsExtension_AndComposesVietnamese()
    {
        var name = UploadFileName.Sanitize(new string('a', 300) + ".xlsx");
        name.Length.ShouldBe(UploadFileName.MaxLength);
        name.ShouldEndWith(".xlsx");
        UploadFileName.Sanitize("Ho\u0302\u0323.csv").ShouldBe("Hộ.csv");
        UploadFileName.KnownExtension(UploadFileName.Sanitize("../x.CSV")).ShouldBe(".csv");
        UploadFileName.KnownExtension("x.exe").ShouldBe("");
    }
}

/// <summary>Hostile upload names through the API: the format still comes from the extension, only the safe name is kept.</summary>
public abstract class UploadFileNameTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    /// <summary>A multipart upload whose file name is sent exactly as given (RFC 5987 filename*, so NUL and CR/LF get through).</summary>
    private static MultipartFormDataContent Upload(string content, string rawName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.TryAddWithoutValidation("Content-Disposition",
            $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(rawName)}").ShouldBeTrue();
        return new MultipartFormDataContent { file };
    }

    public static TheoryData<string, string> HostileNames => new()
    {
        { "../../etc/passwd.csv", "passwd.csv" },
        { "..\\..\\..\\Windows\\x.csv", "x.csv" },
        { "a\0b\r\nSet-Cookie: x=1<b>.csv", "abSet-Cookie x=1b.csv" },
        { new string('d', 300) + ".csv", new string('d', 96) + ".csv" },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task ValueImport_WithAHostileFileName_StoresOnlyTheSafeName_AndStillReadsCsv(string raw, string safe)
    {
        await using var app = new GnbvApp(Database);
        using var client = await app.ClientAsAsync("pacmiau");
        var csv = "dataElement,period,orgUnit,disaggregation,value,comment\nCS.TD_HO_NGHEO_LUOT,2023S1,01290,total,36,\n";
        var response = await client.PostAsync("/api/v1/imports", Upload(csv, raw));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = Context();
        var run = await db.ImportRuns.OrderByDescending(r => r.Id).FirstAsync();
        run.Source.ShouldBe(safe);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task HouseholdImport_WithAHostileFileName_ShowsAndAuditsOnlyTheSafeName(string raw, string safe)
    {
        await using var app = new GnbvApp(Database);
        using var client = await app.ClientAsAsync("pacmiau");
        var header = string.Join(',', HouseholdColumns.All.Select(c => c.Key));
        var row = string.Join(',', HouseholdColumns.All.Select(c => c.Key switch
        {
            "household_code" => "FN-1",
            "commune" => "01290",
            "village" => "Xóm 1",
            "area" => "Nông thôn",
            "ethnicity" => "Mông",
            "census_year" => "2023",
            "income" => "900000",
            "water" => "x",
            "name" => "Giàng A Páo",
            "relation" => "Chủ hộ",
            _ => "",
        }));
        var started = await client.PostAsync("/api/v1/households/import", Upload($"{header}\n{row}\n", raw));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var status = await started.Content.ReadFromJsonAsync<JsonElement>();
        status.GetProperty("fileName").GetString().ShouldBe(safe);
        var job = status.GetProperty("job").GetString();
        for (var i = 0; i < 300 && !status.GetProperty("done").GetBoolean(); i++)
        {
            await Task.Delay(100);
            status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/import/{job}");
        }
        status.GetProperty("succeeded").GetBoolean().ShouldBeTrue(status.GetRawText());

        await using var db = Context();
        (await db.AuditEntries.Where(a => a.Entity == Gnbv.Domain.Audit.AuditEntities.HouseholdImport).OrderByDescending(a => a.Id).Select(a => a.EntityKey).FirstAsync())
            .ShouldBe("web:" + safe);
        (await db.Households.CountAsync(h => h.Code == "FN-1")).ShouldBe(1);
        // The temporary copy was named by the server and is gone.
        Directory.GetFiles(Path.GetTempPath(), "gnbv-household-import-*").ShouldNotContain(f => f.Contains("passwd") || f.Contains(".."));
    }
}

public class UploadFileNameTests_Sqlite() : UploadFileNameTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class UploadFileNameTests_Postgres() : UploadFileNameTests(DatabaseProvider.Postgres);
