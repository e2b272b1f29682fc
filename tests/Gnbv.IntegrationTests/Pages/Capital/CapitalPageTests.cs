using System.Net;
using Gnbv.Domain.Audit;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Capital;

/// <summary>The capital page carries two forms: allocations (plans by year) and disbursements (money paid by period).</summary>
public abstract class CapitalPageTests(PagesFixture pages)
{
    private const string Page = "/capital?unit=042&period=2023S1";

    [Fact]
    public async Task AllocationForm_DistrictOfficer_SavesTheTypedAllocation_WithTheReasonInTheAudit_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "allocation");
        form.Set("f|orgUnit", "01290").Set("f|programItem", "DA3.TDA1").Set("f|source", "NSDP").Set("f|year", "2023")
            .Set("f|amount", "350.000.000").Set("f|decision", "2960/QĐ-UBND").Set("reason", "Tỉnh giao bổ sung");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.CapitalAllocations.AnyAsync(a => a.OrgUnit!.Code == "01290" && a.ProgramItem!.Code == "DA3.TDA1")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        await using var db = pages.Context();
        var allocation = await db.CapitalAllocations.Include(a => a.Decision)
            .SingleAsync(a => a.OrgUnit!.Code == "01290" && a.ProgramItem!.Code == "DA3.TDA1" && a.FundingSource!.Code == "NSDP" && a.Year == 2023);
        allocation.AmountDong.ShouldBe(350_000_000L);
        allocation.CarriedOverFromYear.ShouldBeNull();
        allocation.Decision!.Number.ShouldBe("2960/QĐ-UBND");
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.Allocation && a.EntityKey == "01290/DA3.TDA1/NSDP/2023");
        audit.Action.ShouldBe("insert");
        audit.Reason.ShouldBe("Tỉnh giao bổ sung");
        audit.ChangedBy.ShouldBe("baolam");
    }

    [Fact]
    public async Task AllocationForm_AmountWithDecimalComma_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "allocation");
        form.Set("f|orgUnit", "01290").Set("f|programItem", "DA6.TDA1").Set("f|source", "NSDP").Set("f|year", "2023").Set("f|amount", "12,5");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Text.ShouldContain("Có lỗi, chưa lưu gì");
        page.Errors.ShouldHaveSingleItem().ShouldBe("Số tiền (đồng): '12,5': cột này nhận số nguyên, không có phần thập phân (whole number expected)");
        await using var db = pages.Context();
        (await db.CapitalAllocations.AnyAsync(a => a.OrgUnit!.Code == "01290" && a.ProgramItem!.Code == "DA6.TDA1")).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityKey.StartsWith("01290/DA6.TDA1/"))).ShouldBeFalse();
    }

    [Fact]
    public async Task DisbursementForm_DistrictOfficer_SavesTheTypedPayment_WithTheReasonInTheAudit_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "disbursement");
        form.Value("f|period").ShouldBe("2023S1");
        form.Set("f|orgUnit", "01290").Set("f|programItem", "DA4.TDA1").Set("f|source", "NSTW_SN")
            .Set("f|amount", "75.500.000").Set("f|comment", "Đào tạo nghề cho 30 lao động").Set("reason", "Xã báo cáo muộn");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Disbursements.AnyAsync(d => d.OrgUnit!.Code == "01290" && d.ProgramItem!.Code == "DA4.TDA1")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        await using var db = pages.Context();
        var paid = await db.Disbursements
            .SingleAsync(d => d.OrgUnit!.Code == "01290" && d.ProgramItem!.Code == "DA4.TDA1" && d.FundingSource!.Code == "NSTW_SN" && d.Period!.Code == "2023S1");
        paid.AmountDong.ShouldBe(75_500_000L);
        paid.Comment.ShouldBe("Đào tạo nghề cho 30 lao động");
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.Disbursement && a.EntityKey == "01290/DA4.TDA1/NSTW_SN/2023S1");
        audit.Action.ShouldBe("insert");
        audit.Reason.ShouldBe("Xã báo cáo muộn");
        audit.ChangedBy.ShouldBe("baolam");
    }

    [Fact]
    public async Task DisbursementForm_ImpossiblePeriod_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "disbursement");
        form.Set("f|orgUnit", "01290").Set("f|programItem", "DA6.TDA2").Set("f|source", "NSTW_SN").Set("f|period", "2023S3").Set("f|amount", "1.000.000");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldStartWith("Kỳ báo cáo: ");
        page.Errors[0].ShouldContain("2023S3");
        await using var db = pages.Context();
        (await db.Disbursements.AnyAsync(d => d.OrgUnit!.Code == "01290" && d.ProgramItem!.Code == "DA6.TDA2")).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityKey.StartsWith("01290/DA6.TDA2/"))).ShouldBeFalse();
    }
}

[Collection(SqlitePages.Collection)]
public class CapitalPageTests_Sqlite(SqlitePages pages) : CapitalPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class CapitalPageTests_Postgres(PostgresPages pages) : CapitalPageTests(pages);
