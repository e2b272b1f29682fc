using System.Net;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Workflow;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Submissions;

/// <summary>
/// The workflow form: one form, a button per step and a reason box per cell. Lý Bôn (01294) is
/// used here only, so the other page tests never meet its figures submitted or locked.
/// </summary>
public abstract class SubmissionsPageTests(PagesFixture pages)
{
    private const string CommunePage = "/submissions?unit=01294&period=2023S1";
    private const string DistrictPage = "/submissions?unit=042&period=2023S1";

    [Fact]
    public async Task WorkflowForm_CommuneSubmits_DistrictReturnsWithTheReasonInTheAudit_OnlyWithTheAntiforgeryToken()
    {
        var commune = await pages.AsAsync("lybon");
        var submit = (await commune.FormAsync(CommunePage, "workflow")).Press("op", "submit|01294|narrative");

        (await commune.PostAsync(submit, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await StateAsync()).ShouldBeNull();
        var submitted = await commune.PostAsync(submit);

        submitted.Status.ShouldBe(HttpStatusCode.OK);
        submitted.Errors.ShouldBeEmpty();
        submitted.Saved.ShouldNotBeNull();
        (await StateAsync()).ShouldBe(SubmissionState.Submitted);

        var district = await pages.AsAsync("baolam");
        var back = (await district.FormAsync(DistrictPage, "workflow"))
            .Set("reason|01294|narrative", "Thiếu đánh giá tồn tại, hạn chế").Press("op", "return|01294|narrative");
        var returned = await district.PostAsync(back);

        returned.Status.ShouldBe(HttpStatusCode.OK);
        returned.Errors.ShouldBeEmpty();
        (await StateAsync()).ShouldBe(SubmissionState.Returned);
        await using var db = pages.Context();
        var audit = await db.AuditEntries.Where(a => a.Entity == AuditEntities.Submission && a.EntityKey == "01294/2023S1/narrative")
            .OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.ChangedBy).ShouldBe(["lybon", "baolam"]);
        audit[1].Reason.ShouldBe("Thiếu đánh giá tồn tại, hạn chế");
    }

    [Fact]
    public async Task WorkflowForm_ReturnWithoutReason_IsRefusedInVietnamese_AndTheStateStays()
    {
        var commune = await pages.AsAsync("lybon");
        (await commune.PostAsync((await commune.FormAsync(CommunePage, "workflow")).Press("op", "submit|01294|works"))).Errors.ShouldBeEmpty();
        var district = await pages.AsAsync("baolam");
        var back = (await district.FormAsync(DistrictPage, "workflow")).Press("op", "return|01294|works");

        var page = await district.PostAsync(back);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldBe("Trả lại phải nêu lý do (reason is required)");
        await using var db = pages.Context();
        var submission = await db.Submissions.SingleAsync(s => s.OrgUnit!.Code == "01294" && s.Period!.Code == "2023S1" && s.DataSet == "works");
        submission.State.ShouldBe(SubmissionState.Submitted);
    }

    private async Task<SubmissionState?> StateAsync()
    {
        await using var db = pages.Context();
        return await db.Submissions.Where(s => s.OrgUnit!.Code == "01294" && s.Period!.Code == "2023S1" && s.DataSet == "narrative")
            .Select(s => (SubmissionState?)s.State).SingleOrDefaultAsync();
    }
}

[Collection(SqlitePages.Collection)]
public class SubmissionsPageTests_Sqlite(SqlitePages pages) : SubmissionsPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class SubmissionsPageTests_Postgres(PostgresPages pages) : SubmissionsPageTests(pages);
