using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Domain.Audit;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Reports;

/// <summary>
/// A report section's text is at most <see cref="ReportSectionImport.MaxTextChars"/> characters
/// (20 MB were accepted and copied into the audit on every save), on every path: the API and a
/// file here, the page in NarrativePageTests. All go through the one importer.
/// </summary>
public abstract class ReportSectionLimitTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly string Longest = new('a', ReportSectionImport.MaxTextChars);

    private async Task<(int Sections, int Audit)> CountsAsync()
    {
        await using var db = Context();
        return (await db.ReportSections.CountAsync(), await db.AuditEntries.CountAsync(a => a.Entity == AuditEntities.ReportSection));
    }

    [Fact]
    public async Task Api_ASectionOverTheLimit_Is400NamingTheSectionAndTheLimit_AndNothingIsWritten()
    {
        await using var app = new GnbvApp(Database);
        using var client = await app.ClientAsAsync("baolam");
        var before = await CountsAsync();

        using var tooLong = await client.PutAsJsonAsync("/api/v1/reportSections", new[]
        {
            new { orgUnit = "042", period = "2023S1", section = "IV", text = "Nhiệm vụ ngắn." },
            new { orgUnit = "042", period = "2023S1", section = "III.1", text = Longest + "b" },
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("section").GetString().ShouldBe("reportSections");
        error.GetProperty("row").GetInt32().ShouldBe(1);
        error.GetProperty("field").GetString().ShouldBe("text");
        error.GetProperty("message").GetString().ShouldBe("mục III.1: nội dung dài 20.001 ký tự, quá giới hạn 20.000 ký tự của một mục báo cáo (too long)");
        (await CountsAsync()).ShouldBe(before, "nothing of the request is written, the valid row neither");

        using var title = await client.PutAsJsonAsync("/api/v1/reportSections", new[] { new { orgUnit = "042", period = "2023S1", section = "V", title = new string('t', 301), text = "Ngắn." } });
        title.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await title.Content.ReadAsStringAsync()).ShouldContain("mục V: tiêu đề dài 301 ký tự, quá giới hạn 300 ký tự");

        using var longest = await client.PutAsJsonAsync("/api/v1/reportSections", new[] { new { orgUnit = "042", period = "2023S1", section = "III.1", text = Longest } });
        longest.StatusCode.ShouldBe(HttpStatusCode.OK, await longest.Content.ReadAsStringAsync());
        await using var db = Context();
        (await db.ReportSections.SingleAsync(s => s.SectionCode == "III.1" && s.OrgUnit!.Code == "042" && s.Period!.Code == "2023S1")).Text.Length.ShouldBe(ReportSectionImport.MaxTextChars);
    }

    [Fact]
    public async Task File_ASectionOverTheLimit_IsRefusedNamingTheRowAndTheLimit()
    {
        await LoadDemoAsync();
        var before = await CountsAsync();
        var package = JsonSerializer.Serialize(new { format = ImportPackage.FormatName, reportSections = new[] { new { orgUnit = "042", period = "2023S1", section = "V", text = Longest + Longest } } });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportFileAsync(package, "bao-cao.json"));
        var error = e.Errors.ShouldHaveSingleItem();
        (error.Section, error.Index, error.Field).ShouldBe(("reportSections", 0, "text"));
        error.Message.ShouldContain("mục V: nội dung dài 40.000 ký tự, quá giới hạn 20.000 ký tự");
        (await CountsAsync()).ShouldBe(before);
    }
}

public class ReportSectionLimitTests_Sqlite() : ReportSectionLimitTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ReportSectionLimitTests_Postgres() : ReportSectionLimitTests(DatabaseProvider.Postgres);
