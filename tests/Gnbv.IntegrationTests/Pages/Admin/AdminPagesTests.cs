using System.Net;
using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Units;
using Gnbv.Domain.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Pages.Admin;

/// <summary>The administrator's forms: units, the programme catalogue, indicators and users.</summary>
public abstract class AdminPagesTests(PagesFixture pages)
{
    [Fact]
    public async Task UnitForm_Administrator_SavesTheTypedUnit_OnlyWithTheAntiforgeryToken()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/units", "unit");
        form.Set("f|code", "01399").Set("f|officialCode", "01399").Set("f|name", "Xã Thử Nghiệm").Set("f|kind", "commune")
            .Set("f|parent", "042").Set("f|validFrom", "2025-07-01");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await admin.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.OrgUnits.AnyAsync(u => u.Code == "01399")).ShouldBeFalse();

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        page.Text.ShouldContain("Xã Thử Nghiệm");
        await using var db = pages.Context();
        var unit = await db.OrgUnits.Include(u => u.Parent).SingleAsync(u => u.Code == "01399");
        unit.Name.ShouldBe("Xã Thử Nghiệm");
        unit.OfficialCode.ShouldBe("01399");
        unit.Kind.ShouldBe(UnitKind.Commune);
        unit.Parent!.Code.ShouldBe("042");
        unit.ValidFrom.ShouldBe(new DateOnly(2025, 7, 1));
        unit.ValidTo.ShouldBeNull();
    }

    [Fact]
    public async Task UnitForm_DateTypedDayFirst_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/units", "unit");
        form.Set("f|code", "01398").Set("f|name", "Xã Sai Ngày").Set("f|kind", "commune").Set("f|parent", "042").Set("f|validFrom", "01/07/2025");

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldBe("Hiệu lực từ: ngày '01/07/2025' không hợp lệ: dùng yyyy-MM-dd (invalid date)");
        await using var db = pages.Context();
        (await db.OrgUnits.AnyAsync(u => u.Code == "01398")).ShouldBeFalse();
    }

    [Fact]
    public async Task CatalogueForm_Administrator_SavesTheTypedItem_OnlyWithTheAntiforgeryToken()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/catalogue", "item");
        form.Set("f|code", "DA8").Set("f|name", "Dự án 8. Thử nghiệm mô hình mới").Set("f|kind", "project").Set("f|parent", "CT2125")
            .Set("f|decision", "90/QĐ-TTg").Set("f|order", "80");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await admin.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.ProgramItems.AnyAsync(i => i.Code == "DA8")).ShouldBeFalse();

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        await using var db = pages.Context();
        var item = await db.ProgramItems.Include(i => i.Parent).SingleAsync(i => i.Code == "DA8");
        item.Name.ShouldBe("Dự án 8. Thử nghiệm mô hình mới");
        item.Kind.ShouldBe(ProgramItemKind.Project);
        item.Parent!.Code.ShouldBe("CT2125");
        item.Decision.ShouldBe("90/QĐ-TTg");
        item.SortOrder.ShouldBe(80);
    }

    [Fact]
    public async Task CatalogueForm_OrderInWords_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/catalogue", "item");
        form.Set("f|code", "DA9").Set("f|name", "Dự án 9").Set("f|kind", "project").Set("f|parent", "CT2125").Set("f|order", "chín");

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldBe("Thứ tự: 'chín' không phải số viết kiểu Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân, ví dụ 1.500.000 hoặc 1,5 (not a number in Vietnamese notation)");
        await using var db = pages.Context();
        (await db.ProgramItems.AnyAsync(i => i.Code == "DA9")).ShouldBeFalse();
    }

    [Fact]
    public async Task IndicatorForm_Administrator_SavesTheTypedIndicator_OnlyWithTheAntiforgeryToken()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/indicators", "indicator");
        form.Value("f|disaggregations").ShouldBe("total");
        form.Set("f|code", "DA2.HO_THAM_GIA_THU").Set("f|name", "Số hộ tham gia mô hình thử").Set("f|unitOfMeasure", "hộ")
            .Set("f|valueType", "integer").Set("f|aggregation", "sum").Set("f|programItem", "DA2").Set("f|disaggregations", "total, poor");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await admin.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Indicators.AnyAsync(i => i.Code == "DA2.HO_THAM_GIA_THU")).ShouldBeFalse();

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("1 mới");
        await using var db = pages.Context();
        var indicator = await db.Indicators.Include(i => i.ProgramItem).Include(i => i.Disaggregations).ThenInclude(d => d.Disaggregation)
            .SingleAsync(i => i.Code == "DA2.HO_THAM_GIA_THU");
        indicator.Name.ShouldBe("Số hộ tham gia mô hình thử");
        indicator.UnitOfMeasure.ShouldBe("hộ");
        indicator.ValueType.ShouldBe(IndicatorValueType.Integer);
        indicator.Aggregation.ShouldBe(AggregationType.Sum);
        indicator.ProgramItem!.Code.ShouldBe("DA2");
        indicator.Disaggregations.OrderBy(d => d.SortOrder).Select(d => d.Disaggregation!.Code).ShouldBe(["total", "poor"]);
    }

    [Fact]
    public async Task IndicatorForm_UnknownDisaggregation_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/indicators", "indicator");
        form.Set("f|code", "DA2.SAI_PHAN_TO").Set("f|name", "Chỉ tiêu sai phân tổ").Set("f|unitOfMeasure", "hộ")
            .Set("f|valueType", "integer").Set("f|aggregation", "sum").Set("f|disaggregations", "total, khong-co");

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldBe("Phân tổ (mã, cách nhau bởi dấu phẩy): không có phân tổ mã 'khong-co' (unknown disaggregation)");
        await using var db = pages.Context();
        (await db.Indicators.AnyAsync(i => i.Code == "DA2.SAI_PHAN_TO")).ShouldBeFalse();
    }

    [Fact]
    public async Task UserForm_Administrator_CreatesTheTypedUser_WhoCanThenSignIn_OnlyWithTheAntiforgeryToken()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/users", "user");
        form.Set("userName", "xa.thu").Set("fullName", "Cán bộ xã Thử").Set("role", Roles.CommuneOfficer).Set("unit", "01290")
            .Set("password", "MatKhauThu2026!");

        // The same filled form, without the token the page gave: refused before anything is read.
        (await admin.PostAsync(form, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Users.AnyAsync(u => u.UserName == "xa.thu")).ShouldBeFalse();

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Errors.ShouldBeEmpty();
        page.Saved.ShouldNotBeNull().ShouldContain("xa.thu");
        await using var db = pages.Context();
        var user = await db.Users.Include(u => u.OrgUnit).SingleAsync(u => u.UserName == "xa.thu");
        user.FullName.ShouldBe("Cán bộ xã Thử");
        user.OrgUnit!.Code.ShouldBe("01290");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        roles.ShouldBe([Roles.CommuneOfficer]);
        using var newcomer = await PageSession.SignInAsync(pages.App, "xa.thu", "MatKhauThu2026!");
        (await newcomer.GetPageAsync("/works")).ShouldContain("Pác Miầu");
    }

    [Fact]
    public async Task UserPage_Administrator_DisablesEnablesChangesRoleResetsPasswordAndRevokesTokens_OnlyWithTheAntiforgeryToken()
    {
        await using (var setup = pages.Context())
        {
            await setup.Service<Gnbv.Data.Users.UserAdmin>().CreateAsync("xa.khoa", "Cán bộ sẽ nghỉ", Roles.CommuneOfficer, "01294", "MatKhauKhoa2026!");
            await setup.Service<Gnbv.Data.Users.ApiTokens>().CreateAsync("xa.khoa", "tích hợp", days: 30);
        }
        using var officer = await PageSession.SignInAsync(pages.App, "xa.khoa", "MatKhauKhoa2026!");
        var admin = await pages.AsAsync("admin");
        const string url = "/admin/users?user=xa.khoa";

        var disable = (await admin.FormAsync(url, "account")).Set("reason", "nghỉ việc").Press("op", "disable");
        (await admin.PostAsync(disable, withAntiforgeryToken: false)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await using (var before = pages.Context()) (await before.Users.SingleAsync(u => u.UserName == "xa.khoa")).DisabledAt.ShouldBeNull();
        var disabled = await admin.PostAsync(disable);
        disabled.Errors.ShouldBeEmpty();
        disabled.Saved.ShouldNotBeNull().ShouldStartWith("Đã khóa xa.khoa");
        using (var home = await officer.GetAsync("/")) home.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the officer's session ended");

        (await admin.PostAsync((await admin.FormAsync(url, "account")).Press("op", "enable"))).Saved.ShouldNotBeNull().ShouldStartWith("Đã mở khóa");
        var role = await admin.PostAsync((await admin.FormAsync(url, "role")).Set("role", Roles.Viewer).Set("unit", "042").Set("reason", "chuyển"));
        role.Errors.ShouldBeEmpty();
        var reset = await admin.PostAsync((await admin.FormAsync(url, "account")).Press("op", "password"));
        reset.Saved.ShouldNotBeNull().ShouldContain("chỉ hiện một lần");
        int id;
        await using (var db = pages.Context())
            id = (await db.Service<Gnbv.Data.Users.ApiTokens>().CreateAsync("xa.khoa", "mới", days: 7)).Token.Id;
        var revoke = await admin.PostAsync((await admin.FormAsync(url, "tokens")).Set("reason", "lộ").Press("token", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        revoke.Saved.ShouldNotBeNull().ShouldBe("Đã thu hồi 1 token của xa.khoa.");

        await using var check = pages.Context();
        var user = await check.Users.Include(u => u.OrgUnit).SingleAsync(u => u.UserName == "xa.khoa");
        user.DisabledAt.ShouldBeNull();
        user.OrgUnit!.Code.ShouldBe("042");
        (await check.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null)).ShouldBe(0);
        var audit = await check.AuditEntries.Where(a => a.Entity == Gnbv.Domain.Audit.AuditEntities.User && a.EntityKey == "xa.khoa").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.Action).ShouldBe(["insert", "disable", "enable", "role", "password"]);
        audit.Skip(1).ShouldAllBe(a => a.ChangedBy == "admin");
        audit[1].Reason.ShouldBe("nghỉ việc");
    }

    [Fact]
    public async Task UserForm_ShortPassword_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var admin = await pages.AsAsync("admin");
        var form = await admin.FormAsync("/admin/users", "user");
        form.Set("userName", "xa.ngan").Set("role", Roles.CommuneOfficer).Set("unit", "01290").Set("password", "ngan");

        var page = await admin.PostAsync(form);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Saved.ShouldBeNull();
        page.Errors.ShouldHaveSingleItem().ShouldStartWith("Mật khẩu phải có ít nhất");
        await using var db = pages.Context();
        (await db.Users.AnyAsync(u => u.UserName == "xa.ngan")).ShouldBeFalse();
    }
}

[Collection(SqlitePages.Collection)]
public class AdminPagesTests_Sqlite(SqlitePages pages) : AdminPagesTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class AdminPagesTests_Postgres(PostgresPages pages) : AdminPagesTests(pages);
