using System.Text.RegularExpressions;

namespace Gnbv.BrowserTests;

/// <summary>Issue 15 item 9: the administrator disables an officer on the Users page, and the officer's open session ends.</summary>
public class AccountControlTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_DisablesAnOfficer_WhoseOpenSessionThenEnds_AndWhoCannotSignInAgain()
    {
        var officer = await app.SignInAsync("lybon");
        await officer.GotoAsync("/entry");
        (await officer.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain("Lý Bôn");

        var admin = await app.SignInAsync("admin");
        await admin.GotoAsync("/admin/users?user=lybon");
        (await admin.TextContentAsync("section.account h2")).ShouldNotBeNull().ShouldContain("lybon");
        await admin.FillAsync("form:has(button[value=disable]) input[name=reason]", "nghỉ việc từ 01/12");
        await admin.ClickAsync("button[name=op][value=disable]");
        (await admin.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Đã khóa lybon");
        (await admin.TextContentAsync("tr[data-user=lybon] [data-status]")).ShouldNotBeNull().ShouldContain("Bị khóa");
        await BrowserApp.ScreenshotAsync(admin, "20-admin-user-disabled");

        // The officer's page, open all along: the next click finds the session over.
        await officer.GotoAsync("/entry");
        await officer.WaitForURLAsync(new Regex("/account/login"));
        await officer.FillAsync("input[name=userName]", "lybon");
        await officer.FillAsync("input[name=password]", BrowserApp.Password);
        await officer.ClickAsync("button[type=submit]");
        (await officer.TextContentAsync(".error")).ShouldNotBeNull().ShouldContain("không đúng");
        officer.Url.ShouldContain("/account/login");
    }
}
