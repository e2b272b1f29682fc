using System.Net;
using Gnbv.Domain.Audit;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Reports;

/// <summary>The template editor of the Report page: shown to whom may use it, saving through the same checks as the API.</summary>
public abstract class ReportPageTemplateTests(PagesFixture pages)
{
    private const string Page = "/report?unit=042&period=2023S1";

    [Fact]
    public async Task TemplateForm_IsOnlyForTheUnitsOwnManager_RefusesAHostileTemplate_AndSavesAChecked_One_WithItsReason()
    {
        var commune = await pages.AsAsync("pacmiau");
        (await commune.GetPageAsync("/report?unit=01290&period=2023S1")).ShouldNotContain("name=\"template\"");

        var officer = await pages.AsAsync("baolam");
        try
        {
            var form = await officer.FormAsync(Page, "template");
            form.Set("template", "{% for a in (1..9999) %}{% for b in (1..9999) %}{% endfor %}{% endfor %}").Set("reason", "Thử");
            var refused = await officer.PostAsync(form);
            refused.Status.ShouldBe(HttpStatusCode.OK);
            refused.Errors.ShouldContain(e => e.Contains("200.000 bước lặp"));

            form.Set("template", "{% include 'x' %}");
            (await officer.PostAsync(form)).Errors.ShouldContain(e => e.Contains("{% include %}"));
            form.Set("template", "# Báo cáo {{ unit.full_name }}").Set("reason", "");
            (await officer.PostAsync(form)).Errors.ShouldContain(e => e.StartsWith("reason: lý do sửa mẫu báo cáo bắt buộc", StringComparison.Ordinal));
            await using (var db = pages.Context()) (await db.ReportTemplates.AnyAsync()).ShouldBeFalse();

            form.Set("reason", "Mẫu ngắn cho hội nghị");
            var saved = await officer.PostAsync(form);
            saved.Errors.ShouldBeEmpty();
            saved.Text.ShouldContain("Báo cáo huyện Bảo Lâm");
            await using var check = pages.Context();
            var audit = await check.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.ReportTemplate);
            (audit.EntityKey, audit.ChangedBy, audit.Reason).ShouldBe(("042", "baolam", "Mẫu ngắn cho hội nghị"));
        }
        finally
        {
            // The fixture's database is shared by the page tests: leave the shipped wording.
            await using var db = pages.Context();
            await db.ReportTemplates.ExecuteDeleteAsync();
        }
    }
}

[Collection(SqlitePages.Collection)]
public class ReportPageTemplateTests_Sqlite(SqlitePages pages) : ReportPageTemplateTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class ReportPageTemplateTests_Postgres(PostgresPages pages) : ReportPageTemplateTests(pages);
