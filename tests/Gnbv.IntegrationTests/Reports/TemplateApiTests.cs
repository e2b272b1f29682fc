using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gnbv.Data.Audit;
using Gnbv.Data.Database;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Reports;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Reports;

/// <summary>PUT /api/v1/reports/template: who may, what is refused before it is stored, the audit, and a stored template that fails.</summary>
public abstract class TemplateApiTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string NestedLoops = "{% for a in (1..20000) %}{% for b in (1..20000) %}{% endfor %}{% endfor %}";

    private static HttpRequestMessage Put(string unit, object body) =>
        new(HttpMethod.Put, $"/api/v1/reports/template?orgUnit={unit}&period=2023S1") { Content = JsonContent.Create(body) };

    private async Task<(HttpStatusCode Status, string Body)> PutAsync(HttpClient client, string unit, object body)
    {
        using var response = await client.SendAsync(Put(unit, body));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<ReportTemplate>> StoredAsync()
    {
        await using var db = Context();
        return await db.ReportTemplates.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task HostileTemplates_AreRefusedBeforeTheyAreStored_NamingTheProblem()
    {
        await using var app = new GnbvApp(Database);
        using var client = await app.ClientAsAsync("baolam");
        var cases = new (string Text, string Says)[]
        {
            (NestedLoops, "quá 10.000 phần tử"),
            ("{% for a in (1..9999) %}{% for b in (1..9999) %}{% endfor %}{% endfor %}", "200.000 bước lặp"),
            ("{% for a in (1..9999) %}" + new string('x', 300) + "\n{% endfor %}", "quá 2.000.000 ký tự"),
            ("{% include 'report-mau-01' %}", "{% include %}"),
            ("{% render 'x' %}", "{% render %}"),
            ("{% bogus %}", "{% bogus %}"),
            ("# {{ unit.name }}\n[[table:nope]]", "[[table:nope]]"),
            ("{{ unit.name | nofilter }}", "nofilter"),
            ("{% for x in %}", "không hợp lệ"),
        };
        foreach (var (text, says) in cases)
        {
            var watch = Stopwatch.StartNew();
            var (status, body) = await PutAsync(client, "042", new { text, reason = "Thử mẫu" });
            status.ShouldBe(HttpStatusCode.BadRequest, text);
            JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!.ShouldContain(says, customMessage: text);
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), "guard against a hang, not a speed");
        }
        (await StoredAsync()).ShouldBeEmpty();
        await using var db = Context();
        (await db.AuditEntries.CountAsync(a => a.Entity == AuditEntities.ReportTemplate)).ShouldBe(0);
    }

    [Fact]
    public async Task OnlyTheUnitsOwnManager_MaySave_WithAReason_AndTheChangeIsAudited()
    {
        await using var app = new GnbvApp(Database);
        using var commune = await app.ClientAsAsync("pacmiau");
        using var district = await app.ClientAsAsync("baolam");
        using var admin = await app.ClientAsAsync("admin");

        var (status, body) = await PutAsync(commune, "01290", new { text = "# Báo cáo {{ unit.name }}", reason = "Thử" });
        status.ShouldBe(HttpStatusCode.Forbidden);
        body.ShouldContain("chỉ quản trị viên, hoặc cán bộ huyện/tỉnh của chính đơn vị đó");
        // A district officer sets the district's wording (the communes inherit it), not a commune's.
        (await PutAsync(district, "01290", new { text = "# Báo cáo {{ unit.name }}", reason = "Thử" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PutAsync(district, "042", new { text = "# Báo cáo {{ unit.name }}" })).Body.ShouldContain("reason");
        (await StoredAsync()).ShouldBeEmpty();

        (await PutAsync(district, "042", new { text = "# Báo cáo {{ unit.name }}", reason = "Mẫu ngắn của huyện" })).Status.ShouldBe(HttpStatusCode.OK);
        (await PutAsync(admin, "042", new { text = "# Báo cáo {{ unit.full_name }}\n[[table:capital]]", reason = "Thêm bảng vốn" })).Status.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync()).ShouldHaveSingleItem().Text.ShouldBe("# Báo cáo {{ unit.full_name }}\n[[table:capital]]");

        await using var db = Context();
        var audit = await db.Service<AuditLog>().QueryAsync(null, true, new AuditQuery(Entity: AuditEntities.ReportTemplate));
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.Key == "042" && a.Unit == "042");
        var first = audit.Single(a => a.Action == "insert");
        first.ChangedBy.ShouldBe("baolam");
        first.Reason.ShouldBe("Mẫu ngắn của huyện");
        first.Changes["Text"].ShouldBe([null, "# Báo cáo {{ unit.name }}"]);
        var second = audit.Single(a => a.Action == "update");
        second.ChangedBy.ShouldBe("admin");
        second.Reason.ShouldBe("Thêm bảng vốn");
        second.Changes["Text"].ShouldBe(["# Báo cáo {{ unit.name }}", "# Báo cáo {{ unit.full_name }}\n[[table:capital]]"]);

        // The communes below use it.
        using var report = await commune.GetAsync("/api/v1/reports/01290/2023S1/report.docx");
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        Paragraphs(await report.Content.ReadAsByteArrayAsync()).ShouldContain(p => p.StartsWith("Báo cáo ", StringComparison.Ordinal) && p.EndsWith("Pác Miầu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{% include 'x' %}", "{% include %}")]
    [InlineData(NestedLoops, "phần tử")]
    [InlineData("{% for a in (1..9999) %}{% for b in (1..9999) %}{% endfor %}{% endfor %}", "bước lặp")]
    [InlineData("[[bogus:placeholder]]", "[[bogus:placeholder]]")]
    public async Task AStoredTemplateThatFails_DoesNotStopTheReports_WhichUseTheShippedOne_WithAWarning(string template, string says)
    {
        // Stored as a template saved before these checks would be: straight into the table.
        await using (var db = Context())
        {
            await LoadDemoAsync();
            var district = await db.OrgUnits.SingleAsync(u => u.Code == "042");
            db.ReportTemplates.Add(new ReportTemplate { OrgUnitId = district.Id, Text = template, UpdatedBy = "old" });
            await db.SaveChangesAsync();
        }
        await using var app = new GnbvApp(Database, loadDemo: false);
        using var client = await app.ClientAsAsync("pacmiau");
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/api/v1/reports/01290/2023S1/report.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), "guard against a hang, not a speed");
        var paragraphs = Paragraphs(await response.Content.ReadAsByteArrayAsync());
        paragraphs[0].ShouldStartWith("Lưu ý: mẫu lời văn báo cáo của Bảo Lâm (042) không dùng được");
        paragraphs[0].ShouldContain(says);
        paragraphs.ShouldContain(p => p.StartsWith("I. CÔNG TÁC CHỈ ĐẠO", StringComparison.Ordinal), "the shipped template's wording");
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }
}

public class TemplateApiTests_Sqlite() : TemplateApiTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class TemplateApiTests_Postgres() : TemplateApiTests(DatabaseProvider.Postgres);
