using System.Net;
using Gnbv.Domain.Audit;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.ReportSections;

/// <summary>The narrative page has one editor per section of the report, prefilled, and one for a new section.</summary>
public abstract class NarrativePageTests(PagesFixture pages)
{
    private const string Page = "/narrative?unit=042&period=2023S1";

    [Fact]
    public async Task SectionForm_DistrictOfficer_RewritesTheSection_WithTheReasonInTheAudit_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "section-III.2");
        form.Value("f|section").ShouldBe("III.2");
        form.Value("f|title").ShouldBe("Tồn tại");
        form.Set("f|text", "Tiến độ giải ngân vốn sự nghiệp còn chậm.\nMột số xã chưa báo cáo đúng hạn.")
            .Set("reason", "Bổ sung theo ý kiến Ban Chỉ đạo");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.ReportSections.AnyAsync(s => s.SectionCode == "III.2" && s.UpdatedBy == "baolam")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 sửa");
        page.Text.ShouldContain("Một số xã chưa báo cáo đúng hạn.");
        await using var db = pages.Context();
        var section = await db.ReportSections.SingleAsync(s => s.OrgUnit!.Code == "042" && s.Period!.Code == "2023S1" && s.SectionCode == "III.2");
        section.Text.ReplaceLineEndings("\n").ShouldBe("Tiến độ giải ngân vốn sự nghiệp còn chậm.\nMột số xã chưa báo cáo đúng hạn.");
        section.Title.ShouldBe("Tồn tại");
        section.UpdatedBy.ShouldBe("baolam");
        // The demo's import wrote the section's "insert"; the form's save is the one update.
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.ReportSection && a.EntityKey == "042/2023S1/III.2" && a.Action == "update");
        audit.Reason.ShouldBe("Bổ sung theo ý kiến Ban Chỉ đạo");
        audit.ChangedBy.ShouldBe("baolam");
    }

    [Fact]
    public async Task NewSectionForm_WithoutText_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "section-new");
        form.Set("f|section", "VI").Set("f|title", "Phụ lục").Set("f|text", "   ");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Text.ShouldContain("Có lỗi, chưa lưu gì");
        page.Errors.ShouldHaveSingleItem().ShouldBe("Nội dung: bắt buộc, đang trống (required)");
        await using var db = pages.Context();
        (await db.ReportSections.AnyAsync(s => s.SectionCode == "VI")).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityKey == "042/2023S1/VI")).ShouldBeFalse();
    }

    [Fact]
    public async Task SectionForm_TextOverTheLimit_IsRefusedNamingTheSectionAndTheLimit_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "section-new");
        form.Set("f|section", "VII").Set("f|title", "Phụ lục dài").Set("f|text", new string('a', Gnbv.Data.Imports.ReportSectionImport.MaxTextChars + 1));

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldBe("Nội dung: mục VII: nội dung dài 20.001 ký tự, quá giới hạn 20.000 ký tự của một mục báo cáo (too long)");
        await using var db = pages.Context();
        (await db.ReportSections.AnyAsync(s => s.SectionCode == "VII")).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityKey == "042/2023S1/VII")).ShouldBeFalse();
    }
}

[Collection(SqlitePages.Collection)]
public class NarrativePageTests_Sqlite(SqlitePages pages) : NarrativePageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class NarrativePageTests_Postgres(PostgresPages pages) : NarrativePageTests(pages);
