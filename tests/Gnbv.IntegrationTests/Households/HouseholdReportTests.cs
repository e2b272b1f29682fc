using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Domain.Households;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.Reports;
using Gnbv.Reports.Charts;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>A district report's poverty figures: from the registry when its communes keep one, from the figures typed by hand otherwise.</summary>
public abstract class HouseholdReportTests(DatabaseProvider provider) : RegistryTest(provider)
{
    private async Task<List<string>> ParagraphsAsync(string unit, string period)
    {
        await using var db = Context();
        var docx = (await db.Service<ReportService>().GenerateAsync(await db.OrgUnits.SingleAsync(u => u.Code == unit), Period.Parse(period))).Docx;
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [Fact]
    public async Task TheDistrictReport_TakesItsPovertyFiguresFromTheRegistry_OverAHandTypedDistrictFigure()
    {
        // A district officer typed last year's figures by hand before the communes kept registries.
        await ImportFileAsync("""
            dataElement,period,orgUnit,disaggregation,value
            HN.HO_NGHEO,2022,042,total,999
            HN.TY_LE_HO_NGHEO,2022,042,total,45.5
            """, "manual.csv");
        var manual = await ParagraphsAsync("042", "2023S1");
        manual.ShouldContain(p => p.StartsWith("- Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022:", StringComparison.Ordinal) && p.Contains("999 hộ nghèo, chiếm 45,5%"),
            string.Join("\n", manual));
        manual.ShouldNotContain(p => p.Contains("sổ theo dõi hộ"));

        var communes = new List<Domain.Units.OrgUnit>();
        await using (var db = Context())
            communes = await db.Service<RegistryUnits>().CommunesUnderAsync(await db.OrgUnits.SingleAsync(u => u.Code == "042"), new DateOnly(2023, 12, 31));
        foreach (var year in new[] { 2022, 2023 })
        {
            var text = new StringWriter();
            HouseholdGenerator.Write(text, communes, 240, 5, year, 2022);
            await ImportCsvAsync(text.ToString(), name: $"gl-{year}.csv");
        }
        int poor2022, poor2023, near2023, escaped;
        await using (var db = Context())
        {
            poor2022 = await db.CensusEntries.CountAsync(c => c.Year == 2022 && c.Status == HouseholdStatus.Poor);
            poor2023 = await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.Poor);
            near2023 = await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.NearPoor);
            escaped = await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status != HouseholdStatus.Poor
                && db.CensusEntries.Any(p => p.HouseholdId == c.HouseholdId && p.Year == 2022 && p.Status == HouseholdStatus.Poor));
        }

        var half = await ParagraphsAsync("042", "2023S1");
        var line = half.Single(p => p.StartsWith("- Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022", StringComparison.Ordinal));
        line.ShouldContain("(tổng hợp từ sổ theo dõi hộ nghèo, hộ cận nghèo; có dữ liệu giả lập)");
        line.ShouldContain($"có 240 hộ, trong đó {poor2022} hộ nghèo, chiếm {Domain.Formatting.VnFormat.Percent(RegistryCounts.Rate(poor2022, 240))}");
        line.ShouldNotContain("999");

        var year2023 = await ParagraphsAsync("042", "2023");
        year2023.ShouldContain(p => p.Contains($"năm 2023 (tổng hợp từ sổ") && p.Contains($"{poor2023} hộ nghèo") && p.Contains($"{near2023} hộ cận nghèo"));
        year2023.ShouldContain(p => p.StartsWith($"- So với năm 2022: số hộ nghèo giảm {poor2022 - poor2023} hộ", StringComparison.Ordinal) && p.Contains($"{escaped} hộ thoát nghèo"));

        // A commune without households of its own in another district keeps saying nothing about them.
        (await ParagraphsAsync("01290", "2023")).ShouldContain(p => p.Contains("năm 2023 (tổng hợp từ sổ"));
    }
}

public class HouseholdReportTests_Sqlite() : HouseholdReportTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HouseholdReportTests_Postgres() : HouseholdReportTests(DatabaseProvider.Postgres);
