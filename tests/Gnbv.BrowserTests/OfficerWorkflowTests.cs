using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gnbv.BrowserTests;

public class OfficerWorkflowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SignIn_ShowsTheOfficersDashboard_AndSignOutReturnsToTheForm()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        page.Url.ShouldContain("/account/login");
        await BrowserApp.ScreenshotAsync(page, "01-sign-in");

        await page.FillAsync("input[name=userName]", "pacmiau");
        await page.FillAsync("input[name=password]", "sai-mat-khau-123");
        await page.ClickAsync("button[type=submit]");
        (await page.TextContentAsync(".error")).ShouldNotBeNull().ShouldContain("không đúng");

        await page.FillAsync("input[name=userName]", "pacmiau");
        await page.FillAsync("input[name=password]", BrowserApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        (await page.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain("Thị trấn Pác Miầu");
        (await page.TextContentAsync("header")).ShouldNotBeNull().ShouldContain("pacmiau");

        await page.ClickAsync("header button:has-text('Đăng xuất')");
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.GotoAsync("/entry");
        page.Url.ShouldContain("/account/login");
    }

    [Fact]
    public async Task CommuneOfficer_EntersFigures_AndSeesThemSaved()
    {
        var page = await app.SignInAsync("lybon");
        await page.GotoAsync("/entry?item=DA5");
        (await page.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain("Lý Bôn");
        await page.FillAsync("input[name='v|DA5.HO_XAY_MOI|total']", "15");
        await page.FillAsync("input[name='v|DA5.HO_XAY_MOI|poor']", "12");
        await page.FillAsync("input[name='v|DA5.HO_XAY_MOI|near-poor']", "3");
        await BrowserApp.ScreenshotAsync(page, "03-entry-typed");
        await page.ClickAsync("button:has-text('Lưu')");
        (await page.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("3 mới");

        // A fresh load reads the figures back from the database.
        await page.GotoAsync("/entry?item=DA5");
        (await page.InputValueAsync("input[name='v|DA5.HO_XAY_MOI|poor']")).ShouldBe("12");
        await BrowserApp.ScreenshotAsync(page, "04-entry-saved");
    }

    [Fact]
    public async Task TwoOfficersOnOneForm_TheLaterSaveShowsWhatChanged_AndKeepsTheOtherOfficersFigure()
    {
        const string url = "/entry?unit=01290&item=DA5";
        const string mine = "input[name='v|DA5.HO_XAY_MOI|total']", other = "input[name='v|DA5.HO_XAY_MOI|poor']";
        var commune = await app.SignInAsync("pacmiau");
        var district = await app.SignInAsync("baolam");
        await commune.GotoAsync(url);
        await district.GotoAsync(url);
        var period = (await commune.TextContentAsync("h1")).ShouldNotBeNull();
        (await district.TextContentAsync("h1")).ShouldBe(period, "both opened the same unit and period");

        // The district saves two cells; the commune, on its older form, changes only one of them.
        await district.FillAsync(mine, "20");
        await district.FillAsync(other, "9");
        await district.ClickAsync("button:has-text('Lưu')");
        (await district.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Đã lưu");
        await commune.FillAsync(mine, "25");
        await commune.ClickAsync("button:has-text('Lưu')");
        var alert = (await commune.TextContentAsync("[role=alert]")).ShouldNotBeNull();
        alert.ShouldContain("người khác đã sửa");
        alert.ShouldContain("baolam đã sửa thành 20");
        (await commune.InputValueAsync(mine)).ShouldBe("25", "what the officer typed is kept");
        (await commune.InputValueAsync(other)).ShouldBe("9", "the other officer's figure is shown, not the stale one");
        await BrowserApp.ScreenshotAsync(commune, "05-entry-conflict");

        // Saving again, knowingly, writes over the district's 20; the untouched 9 stays.
        await commune.ClickAsync("button:has-text('Lưu')");
        (await commune.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Đã lưu");
        await district.GotoAsync(url);
        (await district.InputValueAsync(mine)).ShouldBe("25");
        (await district.InputValueAsync(other)).ShouldBe("9");
    }

    [Fact]
    public async Task Entry_NotANumber_IsFlaggedAsTyped_AndRefusedWithoutSavingAnything()
    {
        var page = await app.SignInAsync("pacmiau");
        await page.GotoAsync("/entry?item=DA5");
        var cell = page.Locator("input[name='v|DA5.HO_SUA_CHUA|total']");
        await cell.FillAsync("mười");
        (await cell.EvaluateAsync<bool>("e => e.matches(':invalid')")).ShouldBeTrue();
        await page.FillAsync("input[name='v|DA5.HO_SUA_CHUA|poor']", "4");
        // The browser would stop the form; send it anyway, as a script or an old phone might.
        await page.EvaluateAsync("() => document.querySelector('form.entry').noValidate = true");
        await page.ClickAsync("button:has-text('Lưu')");
        (await page.TextContentAsync("[role=alert]")).ShouldNotBeNull().ShouldContain("mười");
        await page.GotoAsync("/entry?item=DA5");
        (await page.InputValueAsync("input[name='v|DA5.HO_SUA_CHUA|poor']")).ShouldBe("");
    }

    [Fact]
    public async Task DistrictOfficer_SeesTheCommunesFiguresRolledUp()
    {
        var commune = await app.SignInAsync("pacmiau");
        await commune.GotoAsync("/entry?item=DA4.TDA2");
        await commune.FillAsync("input[name='v|DA4.TDA2.CAN_BO_TAP_HUAN|total']", "5");
        await commune.ClickAsync("button:has-text('Lưu')");
        (await commune.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Đã lưu");

        var district = await app.SignInAsync("baolam");
        await district.GotoAsync("/?unit=042&period=2023S1");
        var row = district.Locator("table.figures tr", new() { HasText = "DA4.TDA2.CAN_BO_TAP_HUAN" });
        // The district's own 27 (the report) plus Pác Miầu's 5.
        (await row.TextContentAsync()).ShouldNotBeNull().ShouldContain("32");
        await BrowserApp.ScreenshotAsync(district, "02-dashboard-district");
    }

    [Fact]
    public async Task CommuneOfficer_CannotOpenAnotherCommune_ByPageOrByApi()
    {
        var page = await app.SignInAsync("pacmiau");
        var response = await page.GotoAsync("/entry?unit=01294&period=2023S1");
        response!.Status.ShouldBe(403);
        (await page.TextContentAsync("[role=alert]")).ShouldNotBeNull().ShouldContain("không có quyền");
        (await page.Locator("input[name^='v|']").CountAsync()).ShouldBe(0);

        var api = await page.APIRequest.GetAsync("/api/v1/dataValueSets?orgUnit=01294&period=2023S1");
        api.Status.ShouldBe(403);
        var own = await page.APIRequest.GetAsync("/api/v1/dataValueSets?orgUnit=01290&period=2023S1");
        own.Status.ShouldBe(200);
        var admin = await page.GotoAsync("/admin/units");
        page.Url.ShouldContain("/account/denied");
        admin!.Status.ShouldBe(200);
    }

    [Fact]
    public async Task PhoneWidth_PagesFitIn360Pixels()
    {
        var page = await app.SignInAsync("baolam", 360, 740);
        foreach (var (path, name) in new[] { ("/?unit=042&period=2023S1", "05-phone-dashboard"), ("/entry?unit=042&period=2023S1&item=DA5", "06-phone-entry"), ("/capital?unit=042&period=2023S1", "07-phone-capital") })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is wider than the phone");
            await BrowserApp.ScreenshotAsync(page, name);
        }
    }

    [Fact]
    public async Task MainPages_RenderForTheAdministrator_WithScreenshots()
    {
        var page = await app.SignInAsync("admin");
        foreach (var (path, name, heading) in new[]
        {
            ("/capital?unit=042&period=2023S1", "08-capital", "Vốn"),
            ("/works?unit=042&period=2023S1", "09-works", "Công trình"),
            ("/documents?unit=042&period=2023S1", "10-documents", "Văn bản"),
            ("/targets?unit=042&period=2023", "11-targets", "Chỉ tiêu kế hoạch"),
            ("/narrative?unit=042&period=2023S1", "12-narrative", "Lời văn báo cáo"),
            ("/admin/units", "13-admin-units", "Đơn vị hành chính"),
            ("/admin/users", "14-admin-users", "Người dùng"),
        })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            (await page.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain(heading);
            await BrowserApp.ScreenshotAsync(page, name);
        }
    }

    [Fact]
    public async Task English_SwitchTranslatesTheShell()
    {
        var page = await app.SignInAsync("baolam");
        await page.ClickAsync("header a:has-text('EN')");
        (await page.TextContentAsync("nav.main")).ShouldNotBeNull().ShouldContain("Data entry");
        await page.ClickAsync("header a:has-text('VI')");
        (await page.TextContentAsync("nav.main")).ShouldNotBeNull().ShouldContain("Nhập số liệu");
    }
}

public class ReportPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task DistrictOfficer_SeesTheReport_AndDownloadsTheDocx()
    {
        var page = await app.SignInAsync("baolam");
        await page.GotoAsync("/report?unit=042&period=2023S1");
        (await page.TextContentAsync("article.report")).ShouldNotBeNull().ShouldContain("I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH");
        (await page.TextContentAsync("article.report")).ShouldNotBeNull().ShouldContain("9.835,44 triệu đồng");
        await BrowserApp.ScreenshotAsync(page, "15-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('DOCX')"));
        download.SuggestedFilename.ShouldBe("bao-cao-042-2023S1.docx");
        var path = await download.PathAsync();
        new FileInfo(path!).Length.ShouldBeGreaterThan(10_000);
    }
}

public class ValidationPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task DistrictOfficer_SeesTheSeedsContradictions_LinkedFromTheDashboard()
    {
        var page = await app.SignInAsync("baolam");
        await page.GotoAsync("/?unit=042&period=2023S1");
        await page.ClickAsync("section[aria-labelledby=checks] a");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/validation"));
        var text = await page.TextContentAsync("main");
        text.ShouldNotBeNull().ShouldContain("hộ nghèo + hộ cận nghèo = 249, lớn hơn tổng số 213");
        text.ShouldContain("78 và 89");
        await BrowserApp.ScreenshotAsync(page, "16-validation");
    }

    [Fact]
    public async Task CommuneSubmits_DistrictApproves_WithButtons_AndTheHistoryShowsBothSteps()
    {
        var commune = await app.SignInAsync("lybon");
        await commune.GotoAsync("/submissions?unit=01294&period=2023S1");
        var cell = commune.Locator("td[data-cell='01294|narrative']");
        (await cell.TextContentAsync()).ShouldNotBeNull().ShouldContain("Quá hạn, chưa gửi");
        await cell.Locator("button:has-text('Gửi')").ClickAsync();
        (await commune.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Đã gửi");
        (await commune.Locator("td[data-cell='01294|narrative']").TextContentAsync()).ShouldNotBeNull().ShouldContain("Muộn");
        (await commune.Locator("td[data-cell='01294|narrative'] button").CountAsync()).ShouldBe(0, "a commune cannot approve itself");

        var district = await app.SignInAsync("baolam");
        await district.GotoAsync("/submissions?unit=042&period=2023S1");
        await district.Locator("td[data-cell='01294|narrative'] button:has-text('Duyệt')").ClickAsync();
        (await district.Locator("td[data-cell='01294|narrative']").TextContentAsync()).ShouldNotBeNull().ShouldContain("Đã duyệt (khóa)");
        await BrowserApp.ScreenshotAsync(district, "17-submissions");

        await district.Locator("td[data-cell='01294|narrative'] a:has-text('Lịch sử')").ClickAsync();
        await district.WaitForURLAsync(new Regex("/audit"));
        var rows = await district.Locator("main table tbody tr").AllTextContentsAsync();
        rows[0].ShouldContain("baolam");
        rows[0].ShouldContain("Đã duyệt (khóa)");
        rows[1].ShouldContain("lybon", customMessage: "the commune's submission, first of its changed fields");
        rows.ShouldAllBe(r => !r.Contains("baolam") || r == rows[0]);
        await BrowserApp.ScreenshotAsync(district, "18-audit");
    }
}

public class HouseholdPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task CommuneOfficer_FindsAHousehold_SeesTheLiveStatusChange_AndSavesTheCensus()
    {
        long id;
        string code, head;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gnbv.Data.Database.AppDbContext>();
            await Gnbv.TestData.Households.DemoHouseholds.LoadAsync(db, count: 40, seed: 11);
            // A household of Pác Miầu that is not poor in 2023: typing a low income with its deprivations makes it poor.
            var entry = await db.CensusEntries.AsNoTracking()
                .Where(c => c.Year == 2023 && c.Status == Gnbv.Domain.Households.HouseholdStatus.NotPoor && c.Household!.OrgUnit!.Code == "01290")
                .OrderBy(c => c.Id).Select(c => new { c.HouseholdId, c.Household!.Code, c.Household.HeadName }).FirstAsync();
            (id, code, head) = (entry.HouseholdId, entry.Code, entry.HeadName);
        }

        var page = await app.SignInAsync("pacmiau");
        await page.ClickAsync("nav.main a:has-text('Hộ nghèo, cận nghèo')");
        await page.WaitForURLAsync(new Regex("/households"));
        await page.FillAsync("input[name=q]", code);
        await page.ClickAsync("form[role=search] button[type=submit]");
        var row = page.Locator("table.households tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        (await row.TextContentAsync()).ShouldNotBeNull().ShouldContain(head);
        (await row.TextContentAsync()).ShouldNotBeNull().ShouldContain("Dữ liệu giả lập");
        await page.FillAsync("input[name=q]", "");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await BrowserApp.ScreenshotAsync(page, "19-households");

        await page.GotoAsync($"/households/{id}");
        (await page.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain(code);
        await page.FillAsync("input[name=scoreA]", "");
        await page.FillAsync("input[name=income]", "900.000");
        foreach (var d in new[] { "water", "sanitation", "telecom" })
            if (!await page.IsCheckedAsync($"input[name=deprived][value={d}]")) await page.CheckAsync($"input[name=deprived][value={d}]");
        // The script asks the server as the officer types: no button pressed yet.
        await page.WaitForSelectorAsync("#live-classification:has-text('Hộ nghèo')");
        (await page.TextContentAsync("#live-classification")).ShouldNotBeNull().ShouldContain("900.000");
        await BrowserApp.ScreenshotAsync(page, "20-household");

        await page.ClickAsync("button[value=save]");
        (await page.TextContentAsync("[role=status].ok")).ShouldNotBeNull().ShouldContain("Hộ nghèo");
        await page.GotoAsync($"/households/{id}");
        (await page.TextContentAsync("table.census tbody tr")).ShouldNotBeNull().ShouldContain("Hộ nghèo");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gnbv.Data.Database.AppDbContext>();
            var saved = await db.CensusEntries.AsNoTracking().SingleAsync(c => c.HouseholdId == id && c.Year == 2023);
            saved.Status.ShouldBe(Gnbv.Domain.Households.HouseholdStatus.Poor);
            saved.Income.ShouldBe(900_000);
        }
    }
}
