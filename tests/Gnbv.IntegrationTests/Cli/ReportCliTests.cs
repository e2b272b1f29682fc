using Gnbv.Data.Database;
using Gnbv.Domain.Reports;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Cli;

/// <summary><c>gnbv report</c> with a template: a given file must work; a stored one that fails falls back, saying so.</summary>
public abstract class ReportCliTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task Report_WithAStoredTemplateThatFails_IsMadeFromTheShippedOne_AndWarns_ButAGivenFileMustWork()
    {
        await LoadDemoAsync();
        await using (var db = Context())
        {
            var district = await db.OrgUnits.SingleAsync(u => u.Code == "042");
            db.ReportTemplates.Add(new ReportTemplate { OrgUnitId = district.Id, Text = "{% include 'x' %}", UpdatedBy = "old" });
            await db.SaveChangesAsync();
        }
        var dir = Directory.CreateTempSubdirectory("gnbv-report-cli-");
        var docx = Path.Combine(dir.FullName, "r.docx");

        var stored = await CliRunner.RunAsync(Database, "report", "--unit", "01290", "--period", "2023S1", "--out", docx);
        stored.ExitCode.ShouldBe(0, stored.Err);
        stored.Err.ShouldContain("mẫu lời văn báo cáo của Bảo Lâm (042) không dùng được");
        stored.Err.ShouldContain("{% include %}");
        File.Exists(docx).ShouldBeTrue();

        var file = Path.Combine(dir.FullName, "mau.liquid");
        await File.WriteAllTextAsync(file, "{% for a in (1..9999) %}{% for b in (1..9999) %}{% endfor %}{% endfor %}");
        var given = await CliRunner.RunAsync(Database, "report", "--unit", "042", "--period", "2023S1", "--out", Path.Combine(dir.FullName, "g.docx"), "--template", file);
        given.ExitCode.ShouldBe(1);
        given.Err.ShouldContain("200.000 bước lặp");
        File.Exists(Path.Combine(dir.FullName, "g.docx")).ShouldBeFalse();
    }
}

public class ReportCliTests_Sqlite() : ReportCliTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ReportCliTests_Postgres() : ReportCliTests(DatabaseProvider.Postgres);
