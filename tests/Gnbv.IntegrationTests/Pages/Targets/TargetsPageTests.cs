using System.Net;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Targets;

public abstract class TargetsPageTests(PagesFixture pages)
{
    private const string Page = "/targets?unit=042&period=2023S1";

    [Fact]
    public async Task TargetForm_DistrictOfficer_SavesTheTypedTarget_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "target");
        form.Value("f|year").ShouldBe("2023");
        form.Set("f|dataElement", "MT.HO_NGHEO_GIAM").Set("f|orgUnit", "01290").Set("f|disaggregation", "total")
            .Set("f|value", "25").Set("f|comment", "Thị trấn phấn đấu giảm 25 hộ nghèo").Set("reason", "Nghị quyết HĐND thị trấn");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Targets.AnyAsync(t => t.OrgUnit!.Code == "01290" && t.Indicator!.Code == "MT.HO_NGHEO_GIAM")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        await using var db = pages.Context();
        var target = await db.Targets.Include(t => t.Disaggregation)
            .SingleAsync(t => t.Indicator!.Code == "MT.HO_NGHEO_GIAM" && t.OrgUnit!.Code == "01290" && t.Year == 2023);
        target.Value.ShouldBe(25m);
        target.Disaggregation!.Code.ShouldBe("total");
        target.Comment.ShouldBe("Thị trấn phấn đấu giảm 25 hộ nghèo");
    }

    [Fact]
    public async Task TargetForm_VietnameseThousandsAndDecimalComma_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("baolam");
        var form = await officer.FormAsync(Page, "target");
        form.Set("f|dataElement", "MT.HO_NGHEO_GIAM").Set("f|orgUnit", "01291").Set("f|value", "1.346,5");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Text.ShouldContain("Có lỗi, chưa lưu gì");
        page.Errors.ShouldHaveSingleItem().ShouldStartWith("Giá trị (1346.5): '1.346,5' không phải là số");
        await using var db = pages.Context();
        (await db.Targets.AnyAsync(t => t.OrgUnit!.Code == "01291")).ShouldBeFalse();
    }
}

[Collection(SqlitePages.Collection)]
public class TargetsPageTests_Sqlite(SqlitePages pages) : TargetsPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class TargetsPageTests_Postgres(PostgresPages pages) : TargetsPageTests(pages);
