using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using Gnbv.Cli;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Cli;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gnbv.IntegrationTests.Api;

/// <summary>
/// Free text written by users goes out as text: escaped in every page, a plain run in the DOCX,
/// and, where a spreadsheet would run it as a formula, prefixed in the CSV and XLSX exports, while
/// figures (negative ones too) stay numbers.
/// </summary>
public abstract class HostileTextTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Script = "<script>alert(1)</script><b>x</b>";
    private const string Hyperlink = "=HYPERLINK(\"http://x\")";
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = App.CreateClient(); // starts the host, which loads the demo units and users
    }

    private static async Task OkAsync(HttpResponseMessage response) =>
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task ScriptAndFormulas_InFreeText_AreShownEscaped_WrittenAsText_AndExportedNeutralised()
    {
        using var client = await App.ClientAsAsync("baolam");
        await OkAsync(await client.PostAsJsonAsync("/api/v1/works", new[]
        {
            new { code = "CT-XSS", name = Script, kind = "Đường", orgUnit = "01294", programItem = "DA2", location = Hyperlink, startYear = 2023, budget = 1_500_000_000L },
        }));
        await OkAsync(await client.PutAsJsonAsync("/api/v1/reportSections", new[]
        {
            new { orgUnit = "042", period = "2023S1", section = "V", title = Script, text = Script },
        }));
        await OkAsync(await client.PostAsJsonAsync("/api/v1/dataValueSets", new
        {
            dataValues = new[]
            {
                new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01294", value = "12", comment = "@SUM(A1)" },
                new { dataElement = "CS.TD_HO_NGHEO_SO_TIEN", period = "2023S1", orgUnit = "01294", value = "-2.5", comment = "+1" },
            },
        }));
        long householdId;
        await using (var db = Context())
        {
            var csv = "Mã hộ,Mã xã,Khu vực,Dân tộc,Năm rà soát,Thu nhập bình quân,Họ và tên,Năm sinh,Giới tính,Quan hệ với chủ hộ\n" +
                $"XSS-1,01294,Nông thôn,Mông,2023,1200000,\"{Script}\",1970,Nam,Chủ hộ\n" +
                $"XSS-1,01294,,,,,\"{Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}\",1975,Nữ,Vợ\n";
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            await db.Service<HouseholdImporter>().ImportAsync(stream, "ds.csv", new HouseholdImportOptions(Actor.System));
            householdId = (await db.Households.SingleAsync(h => h.Code == "XSS-1")).Id;
        }

        // Pages: Razor encodes; no page writes markup from data.
        foreach (var page in new[] { "/works?unit=01294", "/narrative?unit=042&period=2023S1", "/report?unit=042&period=2023S1", $"/households/{householdId}" })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;", customMessage: page);
            html.ShouldNotContain("<script>alert(1)", customMessage: page);
            html.ShouldNotContain("<b>x</b>", customMessage: page);
        }

        // DOCX: the text is a run's text; the document has no element it did not put there.
        var docx = await client.GetByteArrayAsync("/api/v1/reports/042/2023S1/report.docx");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            body.Descendants<W.Text>().ShouldContain(t => t.Text.Contains(Script, StringComparison.Ordinal));
            using var reader = new StreamReader(doc.MainDocumentPart.GetStream());
            var xml = await reader.ReadToEndAsync();
            xml.ShouldNotContain("<script");
            xml.ShouldNotContain("<b>");
            xml.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;");
        }

        // XLSX forms: the formula is a quote-prefixed text cell, not a formula; money stays a number.
        var xlsx = await client.GetByteArrayAsync("/api/v1/reports/042/2023S1/forms.xlsx");
        {
            var book = XlsxBook.Read(xlsx);
            var cells = book.Sheets.SelectMany(s => s.CellsUsed.Select(c => (Sheet: s, Cell: c))).ToList();
            cells.ShouldNotContain(c => c.Cell.HasFormula);
            var (sheet, location) = cells.Single(c => c.Cell.Text.Contains("HYPERLINK", StringComparison.Ordinal));
            location.IsNumber.ShouldBeFalse();
            // The apostrophe becomes the cell's quote prefix: Excel shows the text, keeps it text when edited.
            location.Text.ShouldBe(Hyperlink);
            location.QuotePrefix.ShouldBeTrue();
            var row = sheet.Row(location.Row);
            row.CellsUsed.ShouldContain(c => c.IsNumber && c.Number == 1500m, "budget in millions stays a number");
            row.CellsUsed.ShouldContain(c => c.Text == Script, "the script is plain text in its cell");
        }

        // Household CSV: the names come back as text, the formula one prefixed.
        using (var response = await client.GetAsync("/api/v1/households/export.csv?unit=01294&year=2023"))
        {
            await OkAsync(response);
            var rows = ReadCsv(await response.Content.ReadAsStringAsync());
            var nameCol = rows[0].IndexOf("Họ và tên");
            var names = rows.Skip(1).Select(r => r[nameCol]).ToList();
            names.ShouldContain(Script);
            names.ShouldContain("'" + Hyperlink);
            names.ShouldNotContain(Hyperlink);
        }

        // Value CSV (gnbv export values --format csv): comments prefixed, the negative figure a number.
        var export = await CliRunner.RunAsync(Database, "export", "values", "--unit", "01294", "--period", "2023S1", "--format", "csv");
        export.ExitCode.ShouldBe(0, export.Err);
        var values = ReadCsv(export.Out);
        var header = values[0];
        int Col(string name) => header.IndexOf(name);
        var byElement = values.Skip(1).ToDictionary(r => r[Col("dataElement")]);
        byElement["CS.TD_HO_NGHEO_LUOT"][Col("comment")].ShouldBe("'@SUM(A1)");
        byElement["CS.TD_HO_NGHEO_SO_TIEN"][Col("comment")].ShouldBe("'+1");
        byElement["CS.TD_HO_NGHEO_SO_TIEN"][Col("value")].ShouldBe("-2.5");
    }

    private static List<List<string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<List<string>>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToList());
        return rows;
    }
}

public sealed class HostileTextTests_Sqlite() : HostileTextTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class HostileTextTests_Postgres() : HostileTextTests(DatabaseProvider.Postgres);
