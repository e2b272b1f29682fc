using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Domain;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.IntegrationTests.Imports;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.Reports;
using Gnbv.Reports.Charts;
using Gnbv.Reports.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Reports;

public abstract class ReportTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task<GeneratedReport> GenerateAsync(string unit, string period, string? template = null)
    {
        await using var db = Context();
        var u = await db.OrgUnits.SingleAsync(x => x.Code == unit);
        return await db.Service<ReportService>().GenerateAsync(u, Period.Parse(period), template);
    }

    /// <summary>The DOCX's paragraphs, in order, as text.</summary>
    private static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>The text between a heading that starts with <paramref name="start"/> and the next heading of the list.</summary>
    private static string Section(List<string> paragraphs, string start, params string[] next)
    {
        var from = paragraphs.FindIndex(p => p.StartsWith(start, StringComparison.Ordinal));
        from.ShouldBeGreaterThanOrEqualTo(0, $"no section '{start}'");
        var to = paragraphs.FindIndex(from + 1, p => next.Any(n => p.StartsWith(n, StringComparison.Ordinal)));
        return string.Join("\n", paragraphs.Skip(from).Take((to < 0 ? paragraphs.Count : to) - from));
    }

    [Fact]
    public async Task DemoDistrict_DocxCarriesTheSeedFigures_EachInItsSection()
    {
        await LoadDemoAsync();
        var report = await GenerateAsync("042", "2023S1");
        report.Document.HasData.ShouldBeTrue();
        var p = Paragraphs(report.Docx);
        string.Join("\n", p.Take(12)).ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        p.ShouldContain("BÁO CÁO");
        p.ShouldContain(x => x.Contains("6 tháng đầu năm 2023, phương hướng, nhiệm vụ 6 tháng cuối năm 2023"));

        var direction = Section(p, "I. CÔNG TÁC", "II. KẾT QUẢ");
        direction.ShouldContain("Quyết định số 702/QĐ-UBND ngày 05/05/2023");
        direction.ShouldContain("Quyết định số 288/QĐ-UBND ngày 28/02/2022");
        direction.ShouldContain("Kế hoạch số 596/KH-BCĐ ngày 30/03/2023");

        var goals = Section(p, "1. Kết quả thực hiện các mục tiêu", "2. Kết quả thực hiện các dự án");
        foreach (var figure in new[] { "798 hộ", "6,15%", "409 lượt hộ", "23.411 triệu đồng", "8.102 hộ", "1.346 triệu đồng", "29.199 người", "11.753 triệu đồng", "3.509 lượt người", "20.095 lượt người", "400.140 kg", "10.285 kg", "7.219 người", "427 hộ, đạt 98,4% kế hoạch" })
            goals.ShouldContain(figure);

        var da2 = Section(p, "b) Dự án 2.", "c) Dự án 3.");
        da2.ShouldContain("Vốn bố trí 9.835,44 triệu đồng. Trong đó: vốn giao năm 2023 là 8.285 triệu đồng");
        da2.ShouldContain("vốn chuyển nguồn năm 2022 sang thực hiện năm 2023 là 1.550,44 triệu đồng");
        da2.ShouldContain("168,8 ha");
        da2.ShouldContain("hộ nghèo: 82 hộ");
        var da1 = Section(p, "a) Dự án 1.", "b) Dự án 2.");
        da1.ShouldContain("49.848 triệu đồng");
        da1.ShouldContain("vốn đầu tư phát triển NSTW 45.316 triệu đồng; vốn sự nghiệp NSTW 4.532 triệu đồng");
        da1.ShouldContain("Trạm Y tế xã Yên Thổ");
        var da5 = Section(p, "đ) Dự án 5.", "e) Dự án 6.");
        da5.ShouldContain("15.928 triệu đồng");
        da5.ShouldContain("Đã giải ngân 15.008 triệu đồng, đạt 94,2% vốn bố trí");
        da5.ShouldContain("hộ nghèo: 209 hộ; hộ cận nghèo: 40 hộ");

        Section(p, "III. ĐÁNH GIÁ CHUNG", "IV.").ShouldContain("Nghị định số 27/2022/NĐ-CP");
        Section(p, "V. ĐỀ XUẤT", "Nơi nhận").ShouldContain("thanh, quyết toán");
        string.Join("\n", p.TakeLast(15)).ShouldContain("Nông Văn Lương");

        // Every figure of the seed report that the demo holds appears, formatted the Vietnamese way.
        var text = string.Join("\n", p);
        foreach (var row in DemoSeedFiguresTests.Figures)
            text.ShouldContain(VnFormat.Number((decimal)row[2], 3), customMessage: $"{row[0]}/{row[1]}");
    }

    [Fact]
    public async Task Docx_IsA4_TimesNewRoman_WithTheDecree30Margins_AndChartsAsImages()
    {
        await LoadDemoAsync();
        var report = await GenerateAsync("042", "2023S1");
        using var doc = WordprocessingDocument.Open(new MemoryStream(report.Docx), false);
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.ShouldBe(11906u);
        var margin = section.GetFirstChild<PageMargin>()!;
        ((int)margin.Left!.Value).ShouldBeInRange(1650, 1990); // 30-35 mm
        ((int)margin.Right!.Value).ShouldBeInRange(850, 1140); // 15-20 mm
        doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.InnerXml.ShouldContain("Times New Roman");
        doc.MainDocumentPart.ImageParts.Count().ShouldBe(2);
        foreach (var image in doc.MainDocumentPart.ImageParts)
        {
            using var s = image.GetStream();
            var head = new byte[8];
            s.ReadExactly(head);
            head.ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        }
    }

    [Fact]
    public async Task FormsWorkbook_TotalsEqualTheSumOfTheirRows_AndTheSheetsArePrintReady()
    {
        await LoadDemoAsync();
        var report = await GenerateAsync("042", "2023S1");
        XlsxBook.SchemaErrors(report.Xlsx).ShouldBeEmpty();
        var book = XlsxBook.Read(report.Xlsx);
        book.Sheets.Select(w => w.Name).ShouldBe(["Biểu 01", "Biểu 02", "Biểu 03", "Biểu 04", "Biểu 05"]);
        var capital = book.Sheet("Biểu 02");
        capital.Cell(3, 1).Text.ShouldContain("huyện Bảo Lâm");
        capital.Cell(3, 1).Text.ShouldContain("6 tháng đầu năm 2023");
        capital.Landscape.ShouldBeTrue();
        capital.PaperSize.ShouldBe(9u, "A4");
        capital.FrozenRows.ShouldBe(5);
        var headers = Enumerable.Range(1, 9).Select(c => capital.Cell(5, c).Text).ToList();
        int Col(string h) => headers.IndexOf(h) + 1;
        var rows = capital.RowsUsed.Where(r => r.Number > 5).ToList();
        var total = rows.Single(r => r.Cell(Col("Dự án, tiểu dự án") is var c && c > 0 ? c : 3).Text == "Tổng cộng"
            || r.CellsUsed.Any(x => x.Text == "Tổng cộng"));
        var body = rows.Where(r => r != total).ToList();
        foreach (var column in new[] { "Vốn giao trong năm", "Vốn chuyển nguồn", "Tổng vốn", "Đã giải ngân" })
        {
            var sum = body.Sum(r => r.Cell(Col(column)).Number);
            total.Cell(Col(column)).Number.ShouldBe(sum, column);
        }
        total.Cell(Col("Tổng vốn")).Number.ShouldBe(91_073.018594m);
        total.Cell(Col("Đã giải ngân")).Number.ShouldBe(15_008m);
        foreach (var r in body)
            (r.Cell(Col("Vốn giao trong năm")).Number + r.Cell(Col("Vốn chuyển nguồn")).Number)
                .ShouldBe(r.Cell(Col("Tổng vốn")).Number);
        capital.Cell(6, Col("Tổng vốn")).NumberFormat.ShouldBe("#,##0.###");

        var targets = book.Sheet("Biểu 01");
        var housing = targets.RowsUsed.Single(r => r.Cell(2).Text == "Số hộ được hỗ trợ nhà ở");
        housing.Cell(4).Number.ShouldBe(434m);
        housing.Cell(5).Number.ShouldBe(427m);
        housing.Cell(6).Number.ShouldBe(98.4m);
    }

    [Fact]
    public async Task DistrictReport_SumsItsCommunes_WithoutCountingTwice()
    {
        await ImportAsync(new ImportPackage
        {
            OrgUnits = TestUnits.Tree(),
            CapitalAllocations =
            [
                new() { OrgUnit = "90101", ProgramItem = "DA5", Source = "NSTW_SN", Year = 2024, Amount = 1_200_000_000 },
                new() { OrgUnit = "90102", ProgramItem = "DA5", Source = "NSTW_SN", Year = 2024, Amount = 800_000_000 },
            ],
            DataValues =
            [
                TestUnits.Value("90101", "2024S1", "7", "DA5.HO_XAY_MOI"), TestUnits.Value("90102", "2024S1", "5", "DA5.HO_XAY_MOI"),
                TestUnits.Value("90101", "2024S1", "12"), TestUnits.Value("90102", "2024S1", "30"),
                TestUnits.Value("901", "2024S1", "3.5", "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO"), TestUnits.Value("90101", "2024S1", "9", "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO"),
            ],
        });
        var report = await GenerateAsync("901", "2024S1");
        var text = string.Join("\n", Paragraphs(report.Docx));
        text.ShouldContain("Số hộ được hỗ trợ xây mới nhà ở: 12 hộ");
        text.ShouldContain("Vốn bố trí 2.000 triệu đồng");
        text.ShouldContain("42 lượt hộ");
        text.ShouldContain("3,5%");
        text.ShouldNotContain("12,5%");
        XlsxBook.Read(report.Xlsx).Sheet("Biểu 02").RowsUsed.Single(r => r.CellsUsed.Any(c => c.Text == "Tổng cộng"))
            .CellsUsed.Select(c => c.Text).ShouldContain("2000");
    }

    [Fact]
    public async Task UnitWithoutData_SaysSoPlainly_InsteadOfPrintingZeros()
    {
        await LoadDemoAsync();
        var report = await GenerateAsync("01316", "2024S1");
        report.Document.HasData.ShouldBeFalse();
        var text = string.Join("\n", Paragraphs(report.Docx));
        text.ShouldContain("Chưa có số liệu của xã Thái Sơn cho 6 tháng đầu năm 2024");
        text.ShouldNotContain(" 0 triệu đồng");
        text.ShouldNotContain("Vốn bố trí");
        XlsxBook.Read(report.Xlsx).Sheet("Biểu 02").Cell(6, 1).Text.ShouldBe("Chưa có số liệu trong kỳ.");
    }

    [Fact]
    public async Task UnitTemplate_ReplacesTheWording_AndABrokenOneIsRefused()
    {
        await LoadDemoAsync();
        var report = await GenerateAsync("042", "2023S1", "# Tóm tắt {{ unit.full_name }}\nTổng vốn {{ capital.total }} triệu đồng.\n[[table:capital]]");
        var p = Paragraphs(report.Docx);
        p.ShouldContain("Tóm tắt huyện Bảo Lâm");
        p.ShouldContain("Tổng vốn 91.073,019 triệu đồng.");
        Should.Throw<DomainException>(() => ReportComposer.Validate("{% for x in %}"));
        await Should.ThrowAsync<DomainException>(() => GenerateAsync("042", "2023S1", "[[chart:pie]]\n[[nope]]"));
    }

    [Fact]
    public async Task Narrative_WithMarkup_IsWrittenAsPlainText()
    {
        await LoadDemoAsync();
        await ImportAsync(new ImportPackage { ReportSections = [new() { OrgUnit = "042", Period = "2023S1", Section = "V", Text = "<script>alert('x')</script> & {{ unit.code }}" }] });
        var report = await GenerateAsync("042", "2023S1");
        Paragraphs(report.Docx).ShouldContain("<script>alert('x')</script> & {{ unit.code }}");
    }

    [Fact]
    public async Task Narrative_WithLayoutMarkers_IsWrittenAsItsText_WithoutTablesOrHeadings()
    {
        await LoadDemoAsync();
        var before = await GenerateAsync("042", "2023S1");
        string[] lines = ["[[bogus:placeholder]]", "# text", "## 1. Không phải đề mục", "### - cũng không", "[[table:capital]]", "[[chart:capital]]", "(Chi tiết theo lời cán bộ)"];
        await ImportAsync(new ImportPackage
        {
            ReportSections =
            [
                new() { OrgUnit = "042", Period = "2023S1", Section = "V", Text = string.Join("\n", lines) },
                new() { OrgUnit = "042", Period = "2023S1", Section = "II.2.DA2", Text = "[[table:works:DA1]]" },
            ],
        });

        // Was a 400 for every report of the unit (unknown placeholder); now the report is made.
        var after = await GenerateAsync("042", "2023S1");
        using var doc = WordprocessingDocument.Open(new MemoryStream(after.Docx), false);
        using var baseline = WordprocessingDocument.Open(new MemoryStream(before.Docx), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        foreach (var line in lines)
        {
            var p = paragraphs.Where(x => x.InnerText == line).ShouldHaveSingleItem(line);
            p.Descendants<Bold>().ShouldBeEmpty($"'{line}' is a paragraph, not a heading");
            p.Descendants<Italic>().ShouldBeEmpty($"'{line}' is plain text");
        }
        paragraphs.ShouldContain(x => x.InnerText == "+ [[table:works:DA1]]");
        body.Descendants<Table>().Count().ShouldBe(baseline.MainDocumentPart!.Document.Body!.Descendants<Table>().Count(), "no table came from the narrative");
        doc.MainDocumentPart.ImageParts.Count().ShouldBe(baseline.MainDocumentPart.ImageParts.Count(), "no chart came from the narrative");
        after.Document.Body.OfType<HeadingBlock>().Count().ShouldBe(before.Document.Body.OfType<HeadingBlock>().Count());
        after.Document.Body.OfType<HeadingBlock>().ShouldNotContain(h => h.Text.Contains("text") || h.Text.Contains("đề mục"));
    }
}

public class ReportTests_Sqlite() : ReportTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Pdf_RendersThroughLibreOffice_AndItsFirstPageIsAnImage()
    {
        if (PdfConverter.FindSoffice() is null)
        {
            var e = await Should.ThrowAsync<DomainException>(() => PdfConverter.ConvertAsync([1, 2, 3]));
            e.Message.ShouldContain("libreoffice-writer-nogui");
            throw new InvalidOperationException("LibreOffice is not installed: the README test command installs it");
        }
        await LoadDemoAsync();
        await using var db = Context();
        var unit = await db.OrgUnits.SingleAsync(x => x.Code == "042");
        var report = await db.Service<ReportService>().GenerateAsync(unit, Period.Parse("2023S1"));
        var pdf = await PdfConverter.ConvertAsync(report.Docx);
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var dir = Directory.CreateTempSubdirectory("gnbv-pdf-test-");
        var pdfPath = Path.Combine(dir.FullName, "r.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        Run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdfPath, Path.Combine(dir.FullName, "page"));
        var png = Directory.GetFiles(dir.FullName, "page*.png").ShouldHaveSingleItem();
        new FileInfo(png).Length.ShouldBeGreaterThan(5_000);
        var text = Run("pdftotext", "-f", "1", "-l", "1", pdfPath, "-");
        text.ShouldContain("BÁO CÁO");
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT");
        if (Environment.GetEnvironmentVariable("GNBV_SCREENSHOTS") is { Length: > 0 } shots)
        {
            Directory.CreateDirectory(shots);
            File.Copy(png, Path.Combine(shots, "report-page-1.png"), overwrite: true);
        }
    }

    [Fact]
    public async Task Pdf_CarriesANarrativesLayoutMarkersAsText()
    {
        PdfConverter.FindSoffice().ShouldNotBeNull("LibreOffice is not installed: the README test command installs it");
        await LoadDemoAsync();
        await ImportAsync(new ImportPackage { ReportSections = [new() { OrgUnit = "042", Period = "2023S1", Section = "V", Text = "[[bogus:placeholder]]\n# text\n[[table:capital]]" }] });
        await using var db = Context();
        var unit = await db.OrgUnits.SingleAsync(x => x.Code == "042");
        var report = await db.Service<ReportService>().GenerateAsync(unit, Period.Parse("2023S1"));
        var dir = Directory.CreateTempSubdirectory("gnbv-pdf-test-");
        var pdfPath = Path.Combine(dir.FullName, "r.pdf");
        await File.WriteAllBytesAsync(pdfPath, await PdfConverter.ConvertAsync(report.Docx));
        var lines = Run("pdftotext", "-layout", pdfPath, "-").Split('\n').Select(l => l.Trim()).ToList();
        lines.ShouldContain("[[bogus:placeholder]]");
        lines.ShouldContain("# text");
        lines.ShouldContain("[[table:capital]]");
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{file} failed");
        return output;
    }
}

[Trait(Db.Trait, Db.Postgres)]
public class ReportTests_Postgres() : ReportTests(DatabaseProvider.Postgres);
