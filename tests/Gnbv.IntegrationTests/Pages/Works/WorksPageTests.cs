using System.Net;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Works;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Works;

public abstract class WorksPageTests(PagesFixture pages)
{
    private const string Page = "/works?unit=042&period=2023S1";

    [Fact]
    public async Task WorkForm_DistrictOfficer_SavesTheTypedWork_WithTheReasonInTheAudit_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "work");
        form.Set("f|code", "W-HTTP-1").Set("f|name", "Đường thôn Khuổi Ngọa").Set("f|kind", "transport")
            .Set("f|orgUnit", "01290").Set("f|location", "Thôn Khuổi Ngọa").Set("f|programItem", "DA1.TDA1")
            .Set("f|isNew", "true").Set("f|status", "under-construction").Set("f|startYear", "2023")
            .Set("f|budget", "1.200.000.000").Set("f|disbursed", "450.000.000").Set("reason", "Bổ sung theo báo cáo quý II");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Works.AnyAsync(w => w.Code == "W-HTTP-1")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        page.Text.ShouldContain("Đường thôn Khuổi Ngọa");
        await using var db = pages.Context();
        var work = await db.Works.Include(w => w.OrgUnit).Include(w => w.ProgramItem).SingleAsync(w => w.Code == "W-HTTP-1");
        work.Name.ShouldBe("Đường thôn Khuổi Ngọa");
        work.Kind.ShouldBe("transport");
        work.OrgUnit!.Code.ShouldBe("01290");
        work.Location.ShouldBe("Thôn Khuổi Ngọa");
        work.ProgramItem!.Code.ShouldBe("DA1.TDA1");
        work.IsNew.ShouldBeTrue();
        work.Status.ShouldBe(WorkStatus.UnderConstruction);
        work.StartYear.ShouldBe(2023);
        work.EndYear.ShouldBeNull();
        work.BudgetDong.ShouldBe(1_200_000_000L);
        work.DisbursedDong.ShouldBe(450_000_000L);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.Work && a.EntityKey == "W-HTTP-1");
        audit.Action.ShouldBe("insert");
        audit.Reason.ShouldBe("Bổ sung theo báo cáo quý II");
        audit.ChangedBy.ShouldBe("baolam");
    }

    [Fact]
    public async Task WorkForm_BudgetInWords_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "work");
        form.Set("f|code", "W-HTTP-2").Set("f|name", "Nhà văn hóa thôn").Set("f|kind", "other")
            .Set("f|status", "planned").Set("f|budget", "một tỷ");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Text.ShouldContain("Có lỗi, chưa lưu gì");
        page.Errors.ShouldHaveSingleItem().ShouldBe("Tổng mức (đồng): 'một tỷ' không phải số viết kiểu Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân, ví dụ 1.500.000 hoặc 1,5 (not a number in Vietnamese notation)");
        await using var db = pages.Context();
        (await db.Works.AnyAsync(w => w.Code == "W-HTTP-2")).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityKey == "W-HTTP-2")).ShouldBeFalse();
    }

    // Issue 15, item 5: a NUL was stored on SQLite and a 500 on PostgreSQL; a zero-width space made a
    // second work "W-HTTP-3" that looks like the first.
    [Fact]
    public async Task WorkForm_ControlCharacterInText_Is400NamingTheField_AndAnInvisibleCharacterInTheCode_IsAFormError()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "work");
        form.Set("f|code", "W-HTTP-3").Set("f|name", "Nhà văn hóa\u0001 thôn").Set("f|kind", "other").Set("f|status", "planned");
        var refused = await officer.PostAsync(form);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest, refused.Text);
        refused.Text.ShouldContain("f|name");
        refused.Text.ShouldContain("U+0001");
        // A NUL the form reader refuses itself: a 400 saying so (it was a 413 "form too large").
        form.Set("f|name", "Nhà văn hóa\u0000 thôn");
        refused = await officer.PostAsync(form);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest, refused.Text);
        refused.Text.ShouldContain("U+0000");

        form = await officer.FormAsync(Page, "work");
        form.Set("f|code", "W-HTTP-3\u200B").Set("f|name", "Nhà văn hóa thôn").Set("f|kind", "other").Set("f|status", "planned");
        var page = await officer.PostAsync(form);
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldContain("U+200B");
        await using var db = pages.Context();
        (await db.Works.AnyAsync(w => w.Code.StartsWith("W-HTTP-3"))).ShouldBeFalse();
    }
}

[Collection(SqlitePages.Collection)]
public class WorksPageTests_Sqlite(SqlitePages pages) : WorksPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class WorksPageTests_Postgres(PostgresPages pages) : WorksPageTests(pages);
