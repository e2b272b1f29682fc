using System.Net;
using Gnbv.Domain.Audit;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Documents;

public abstract class DocumentsPageTests(PagesFixture pages)
{
    private const string Page = "/documents?unit=042&period=2023S1";

    [Fact]
    public async Task DocumentForm_DistrictOfficer_SavesTheTypedDocument_WithTheReasonInTheAudit_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "document");
        form.Set("f|number", "88/KH-UBND").Set("f|kind", "KH").Set("f|date", "2023-05-12").Set("f|issuer", "042")
            .Set("f|subject", "Kế hoạch hỗ trợ nhà ở cho hộ nghèo năm 2023").Set("f|programItems", "DA5, DA2")
            .Set("reason", "Văn bản bị sót khi nhập tệp");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Documents.AnyAsync(d => d.Number == "88/KH-UBND")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        page.Text.ShouldContain("Kế hoạch hỗ trợ nhà ở cho hộ nghèo năm 2023");
        await using var db = pages.Context();
        var document = await db.Documents.Include(d => d.IssuerUnit).Include(d => d.ProgramItems).ThenInclude(p => p.ProgramItem)
            .SingleAsync(d => d.Number == "88/KH-UBND");
        document.Kind.ShouldBe("KH");
        document.IssuedOn.ShouldBe(new DateOnly(2023, 5, 12));
        document.IssuerUnit!.Code.ShouldBe("042");
        document.Subject.ShouldBe("Kế hoạch hỗ trợ nhà ở cho hộ nghèo năm 2023");
        document.ProgramItems.Select(p => p.ProgramItem!.Code).Order(StringComparer.Ordinal).ShouldBe(["DA2", "DA5"]);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.Document && a.EntityKey == "88/KH-UBND");
        audit.Action.ShouldBe("insert");
        audit.Reason.ShouldBe("Văn bản bị sót khi nhập tệp");
        audit.ChangedBy.ShouldBe("baolam");
    }

    [Fact]
    public async Task DocumentForm_DateTypedDayFirst_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "document");
        form.Set("f|number", "89/KH-UBND").Set("f|kind", "KH").Set("f|date", "12/05/2023").Set("f|issuer", "042")
            .Set("f|subject", "Kế hoạch truyền thông");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Text.ShouldContain("Có lỗi, chưa lưu gì");
        page.Errors.ShouldHaveSingleItem().ShouldBe("Ngày: ngày '12/05/2023' không hợp lệ: dùng yyyy-MM-dd (invalid date)");
        await using var db = pages.Context();
        (await db.Documents.AnyAsync(d => d.Number == "89/KH-UBND")).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityKey == "89/KH-UBND")).ShouldBeFalse();
    }
}

[Collection(SqlitePages.Collection)]
public class DocumentsPageTests_Sqlite(SqlitePages pages) : DocumentsPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class DocumentsPageTests_Postgres(PostgresPages pages) : DocumentsPageTests(pages);
