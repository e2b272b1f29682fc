using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gnbv.Data.Database;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Time;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.IntegrationTests.Workflow;

/// <summary>Which units submitted which data set, on time or late, on the page's API and in the report's annex.</summary>
public abstract class CompletenessTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task StepAsync(HttpClient client, string action, string unit, string period, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/workflow/{action}?orgUnit={unit}&period={period}&dataSet=values", body ?? new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Cell(JsonElement report, string unit, string dataSet) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == unit)
            .GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("dataSet").GetString() == dataSet);

    [Fact]
    public async Task SubmissionsAreCountedPerUnitAndDataSet_OnTimeLateOrOverdue_AndTheDistrictReportCarriesTheAnnex()
    {
        using var district = await App.ClientAsAsync("baolam");
        await StepAsync(await App.ClientAsAsync("pacmiau"), "submit", "01290", "2023S1");
        await StepAsync(await App.ClientAsAsync("lybon"), "submit", "01294", "2023S1");
        await StepAsync(district, "return", "01294", "2023S1", new { reason = "Thiếu số liệu" });

        var report = JsonDocument.Parse(await district.GetStringAsync("/api/v1/completeness?orgUnit=042&period=2023S1")).RootElement;
        report.GetProperty("dataSets").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["values", "capital", "works", "narrative"]);
        report.GetProperty("dataSets")[0].GetProperty("due").GetString().ShouldBe("2023-07-05", "five days after the half-year ends");
        var pacMiau = Cell(report, "01290", "values");
        pacMiau.GetProperty("state").GetString().ShouldBe("submitted");
        pacMiau.GetProperty("timeliness").GetString().ShouldBe("late", "submitted on the pinned day, years after 05/07/2023");
        var lyBon = Cell(report, "01294", "values");
        lyBon.GetProperty("state").GetString().ShouldBe("returned");
        lyBon.GetProperty("timeliness").GetString().ShouldBe("overdue", "a returned set is out again");
        Cell(report, "01290", "capital").GetProperty("timeliness").GetString().ShouldBe("overdue");
        report.GetProperty("submitted").GetInt32().ShouldBe(1);
        var rows = report.GetProperty("rows").GetArrayLength();
        rows.ShouldBeGreaterThan(10, "the district and each of its communes");
        report.GetProperty("expected").GetInt32().ShouldBe(rows * 4);

        // A period whose due date (05/07/2027) is ahead of the pinned day: a set submitted now is on time, the others are not yet due.
        using var admin = await App.ClientAsAsync("admin");
        await StepAsync(admin, "submit", "01290-2025", "2027S1");
        var future = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/completeness?orgUnit=04&period=2027S1")).RootElement;
        Cell(future, "01290-2025", "values").GetProperty("timeliness").GetString().ShouldBe("on-time");
        Cell(future, "01294-2025", "values").GetProperty("timeliness").GetString().ShouldBe("pending");
        future.GetProperty("rows").EnumerateArray().ShouldNotContain(r => r.GetProperty("unitCode").GetString() == "042", "the district no longer exists in 2027");

        // The district's report ends with the annex: one row per commune, in words.
        await using var db = Context();
        // The app's own services: they read the app's pinned clock.
        using var scope = App.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ReportService>();
        var scoped = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var docx = (await service.GenerateAsync(await scoped.OrgUnits.SingleAsync(u => u.Code == "042"), Period.Parse("2023S1"))).Docx;
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        body.Descendants<Paragraph>().Select(p => p.InnerText).ShouldContain("PHỤ LỤC. TÌNH HÌNH GỬI SỐ LIỆU CỦA CÁC ĐƠN VỊ TRỰC THUỘC");
        var table = body.Descendants<Table>().Single(t => t.InnerText.Contains("Pác Miầu", StringComparison.Ordinal));
        var lines = table.Descendants<TableRow>().Select(r => r.Descendants<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        lines[0][2].ShouldBe("Biểu số liệu chỉ tiêu, kết quả thực hiện (hạn 05/07/2023)");
        var today = VnFormat.Date(App.Clock.VietnamToday());
        lines.Single(l => l[1] == "Pác Miầu")[2].ShouldBe($"Đã gửi {today} (muộn)");
        lines.Single(l => l[1] == "Lý Bôn")[2].ShouldBe("Quá hạn, chưa gửi (bị trả lại)");
        lines.Count.ShouldBe(rows, "a header and one row per commune");

        // A commune has no sub-units: its report has no annex.
        var commune = (await service.GenerateAsync(await db.OrgUnits.SingleAsync(u => u.Code == "01290"), Period.Parse("2023S1"))).Docx;
        using var communeDoc = WordprocessingDocument.Open(new MemoryStream(commune), false);
        communeDoc.MainDocumentPart!.Document.Body!.InnerText.ShouldNotContain("TÌNH HÌNH GỬI SỐ LIỆU");
    }
}

public class CompletenessTests_Sqlite() : CompletenessTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class CompletenessTests_Postgres() : CompletenessTests(DatabaseProvider.Postgres);
