using System.Net;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Entry;

/// <summary>The figures form: one input per indicator and breakdown, typed the Vietnamese way (1.346,5).</summary>
public abstract class EntryPageTests(PagesFixture pages)
{
    private const string Page = "/entry?unit=01290&period=2023S1";
    private const string Cell = "v|CS.TD_HO_NGHEO_LUOT|total";

    [Fact]
    public async Task EntryForm_CommuneOfficer_SavesTheFigureTypedWithAThousandsDot_OnlyWithTheAntiforgeryToken()
    {
        var officer = await pages.AsAsync("pacmiau");
        var form = await officer.FormAsync(Page, "entry");
        form.Value(Cell).ShouldBe("");
        form.Set(Cell, "1.346");

        (await officer.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context())
            (await before.DataValues.AnyAsync(v => v.OrgUnit!.Code == "01290" && v.Indicator!.Code == "CS.TD_HO_NGHEO_LUOT")).ShouldBeFalse();

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        HtmlForm.Named(page.Html, Page, "entry").Value(Cell).ShouldBe("1.346");
        await using var db = pages.Context();
        var value = await db.DataValues.SingleAsync(v => v.OrgUnit!.Code == "01290" && v.Period!.Code == "2023S1" && v.Indicator!.Code == "CS.TD_HO_NGHEO_LUOT");
        value.Value.ShouldBe(1346m);
        var change = await db.DataValueChanges.SingleAsync(c => c.OrgUnitId == value.OrgUnitId && c.IndicatorId == value.IndicatorId && c.PeriodId == value.PeriodId);
        change.Action.ShouldBe("insert");
        change.NewValue.ShouldBe(1346m);
        change.ChangedBy.ShouldBe("pacmiau");
    }

    [Fact]
    public async Task EntryForm_FigureInWords_IsRefusedNamingTheCell_AndNothingIsWritten()
    {
        var officer = await pages.AsAsync("pacmiau");
        var form = await officer.FormAsync(Page, "entry");
        form.Set("v|DA5.HO_XAY_MOI|poor", "hai mươi");

        var page = await officer.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Text.ShouldContain("Có lỗi, chưa lưu gì");
        page.Errors.ShouldHaveSingleItem().ShouldBe("DA5.HO_XAY_MOI / poor: 'hai mươi' không phải là số (dùng 1.346,5)");
        HtmlForm.Named(page.Html, Page, "entry").Value("v|DA5.HO_XAY_MOI|poor").ShouldBe("hai mươi");
        await using var db = pages.Context();
        (await db.DataValues.AnyAsync(v => v.OrgUnit!.Code == "01290" && v.Indicator!.Code == "DA5.HO_XAY_MOI")).ShouldBeFalse();
    }

    [Fact]
    public async Task EntryForm_IndicatorOfAnotherPeriodType_ShowsItsSum_WithoutACellToTypeOverIt()
    {
        // Issue 15 item 2: electricity support is typed by quarter; the half-year shows what its quarters add up to.
        var district = await pages.AsAsync("baolam");
        var html = await district.GetPageAsync("/entry?unit=042&period=2023S1");
        var form = HtmlForm.Named(html, "/entry?unit=042&period=2023S1", "entry");
        form.Names.ShouldContain("v|CS.TD_HO_NGHEO_LUOT|total");
        form.Names.ShouldNotContain("v|CS.TIEN_DIEN_HO|total", "a disabled cell is not sent");
        html.ShouldContain("nhập theo quý, kỳ như 2023Q1");
        html.ShouldContain("Σ 8.102");
    }
}

[Collection(SqlitePages.Collection)]
public class EntryPageTests_Sqlite(SqlitePages pages) : EntryPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class EntryPageTests_Postgres(PostgresPages pages) : EntryPageTests(pages);
