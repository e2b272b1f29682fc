using System.Net;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.Pages.Account;

public abstract class SignInPageTests(PagesFixture pages)
{
    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_IsRefused_AndTheVisitorStaysSignedOut()
    {
        using var visitor = PageSession.Open(pages.App);

        using var response = await visitor.PostSignInAsync("lybon", Gnbv.Data.Database.DemoData.Password, withAntiforgeryToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var home = await visitor.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task SignInForm_WrongPassword_ReturnsToTheFormWithTheVietnameseError()
    {
        using var visitor = PageSession.Open(pages.App);

        using var response = await visitor.PostSignInAsync("lybon", "sai-mat-khau");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = response.Headers.Location!.OriginalString;
        back.ShouldStartWith("/account/login?error=invalid");
        var page = new PostedPage(HttpStatusCode.OK, await visitor.GetPageAsync(back));
        page.Errors.ShouldHaveSingleItem().ShouldBe("Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, đăng nhập tạm dừng 15 phút.");
        using var home = await visitor.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

[Collection(SqlitePages.Collection)]
public class SignInPageTests_Sqlite(SqlitePages pages) : SignInPageTests(pages);

[Collection(PostgresPages.Collection), Trait(Db.Trait, Db.Postgres)]
public class SignInPageTests_Postgres(PostgresPages pages) : SignInPageTests(pages);
