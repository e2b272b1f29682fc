using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.IntegrationTests.Operations;
using Gnbv.IntegrationTests.Pages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gnbv.IntegrationTests.Authorization;

/// <summary>
/// Issue 15 item 11: sign-in says nothing about who exists (same answer, same work); return
/// addresses are checked once for all; HTTPS behind a proxy gives Secure cookies and HSTS;
/// cookie-authenticated API writes need the antiforgery token; and the demo's password is never
/// shown or used in Production.
/// </summary>
public abstract partial class SmallerDoorsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    /// <summary>Counts the password verifications: the work a sign-in does, whatever the machine's speed.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task UnknownAndRealUsers_GetTheSameAnswerAfterTheSameWork_LockedAndDisabledIncluded()
    {
        var hasher = new CountingHasher();
        await using var app = new GnbvApp(Database);
        await using var web = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Gnbv:SignInsPerMinute", "1000");
            b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        });
        using (var warm = CookieJar.Open(web)) await warm.PageAsync("/account/login");
        await using (var db = Context()) (await db.Service<UserAdmin>().DisableAsync("baolam.xem", "admin", "thử")).ShouldBeTrue();

        async Task<(string Location, string Page, int Work)> TryAsync(string user, string password)
        {
            using var visitor = CookieJar.Open(web);
            var before = hasher.Verifications;
            using var response = await visitor.PostSignInAsync(user, password);
            var work = hasher.Verifications - before;
            var location = response.Headers.Location!.OriginalString;
            var page = new PostedPage(HttpStatusCode.OK, await visitor.PageAsync(location)).Text;
            return (location, page, work);
        }

        // Six wrong passwords each: the real user is locked after five, the unknown one never exists.
        for (var i = 0; i < 6; i++)
        {
            var real = await TryAsync("lybon", "doan-" + i);
            var unknown = await TryAsync("khong-co-ai", "doan-" + i);
            unknown.ShouldBe(real, $"attempt {i + 1}: the answer tells whether the user exists");
            real.Work.ShouldBe(1, "the password is checked once, even for a locked account");
            real.Location.ShouldBe("/account/login?error=invalid&returnUrl=%2F");
        }
        await using (var db = Context()) (await db.Users.SingleAsync(u => u.UserName == "lybon")).LockoutEnd.ShouldNotBeNull();
        var locked = await TryAsync("lybon", DemoData.Password);
        var disabled = await TryAsync("baolam.xem", DemoData.Password);
        var nobody = await TryAsync("khong-co-ai", DemoData.Password);
        locked.ShouldBe(nobody, "a locked account with its right password answers as an unknown user");
        disabled.ShouldBe(nobody, "a disabled account answers as an unknown user");
        nobody.Page.ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task AHostileReturnUrl_GoesHome_FromTheLanguageSwitchAndASuccessfulSignIn()
    {
        await using var app = new GnbvApp(Database);
        using var visitor = CookieJar.Open(app);

        foreach (var returnUrl in new[] { "/%09/evil.example", "/%0d%0a/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/", "%2F%2Fevil.example" })
        {
            using var culture = await visitor.GetAsync("/culture/en?returnUrl=" + returnUrl);
            culture.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{returnUrl}: {await culture.Content.ReadAsStringAsync()}");
            culture.Headers.Location!.OriginalString.ShouldBe("/", returnUrl);

            using var signIn = await visitor.PostSignInAsync("pacmiau", DemoData.Password, Uri.UnescapeDataString(returnUrl));
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{returnUrl}: {await signIn.Content.ReadAsStringAsync()}");
            signIn.Headers.Location!.OriginalString.ShouldBe("/", returnUrl);
        }
        (await visitor.IsSignedInAsync()).ShouldBeTrue();
        using var kept = await visitor.GetAsync("/culture/vi?returnUrl=" + Uri.EscapeDataString("/entry?item=DA5"));
        kept.Headers.Location!.OriginalString.ShouldBe("/entry?item=DA5", "a path of the site is kept");
    }

    /// <summary>A request as a reverse proxy at <paramref name="from"/> passes it on, for a browser that reached the proxy over HTTPS.</summary>
    private static Task<HttpContext> ViaProxyAsync(WebApplicationFactory<Program> app, string from, string method, string path,
        string? cookies = null, FormUrlEncodedContent? form = null) =>
        app.Server.SendAsync(async c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Host = new HostString("gnbv.example.vn");
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
            if (cookies is not null) c.Request.Headers.Cookie = cookies;
            if (form is not null)
            {
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream(await form.ReadAsByteArrayAsync());
            }
        });

    private static IEnumerable<string> SetCookies(HttpContext c) => c.Response.Headers.SetCookie.Select(v => v!);

    /// <summary>The answer's body; readable once.</summary>
    private static string Body(HttpContext c) => new StreamReader(c.Response.Body).ReadToEnd();

    [Fact]
    public async Task BehindAnHttpsProxy_TheCookiesAreSecure_AndHstsIsSent_ButOnlyForAKnownProxy()
    {
        await using var app = new GnbvApp(Database);
        await using var web = app.WithWebHostBuilder(b => b.UseSetting("Gnbv:KnownProxies", "10.20.0.0/16, 10.9.9.9"));

        foreach (var proxy in new[] { "127.0.0.1", "10.20.3.4", "10.9.9.9" })
        {
            var login = await ViaProxyAsync(web, proxy, "GET", "/account/login");
            login.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
            login.Response.Headers.StrictTransportSecurity.ToString().ShouldStartWith("max-age=", customMessage: proxy);
            var antiforgery = SetCookies(login).ShouldHaveSingleItem();
            antiforgery.ShouldContain("secure", Case.Insensitive, proxy);

            var form = HtmlForm.All(Body(login), "/account/login").Single(f => f.Action == "/account/login");
            form.Set("userName", "pacmiau").Set("password", DemoData.Password);
            var signIn = await ViaProxyAsync(web, proxy, "POST", "/account/login", antiforgery.Split(';')[0], form.Content());
            signIn.Response.StatusCode.ShouldBe(StatusCodes.Status302Found, Body(signIn));
            SetCookies(signIn).Single(c => c.StartsWith("gnbv.auth=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive, proxy);
        }

        // Anyone else claiming HTTPS is not believed: the request stays plain HTTP.
        var stranger = await ViaProxyAsync(web, "203.0.113.9", "GET", "/account/login");
        stranger.Response.Headers.StrictTransportSecurity.ToString().ShouldBeEmpty();
        SetCookies(stranger).ShouldHaveSingleItem().ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task CookieAuthenticatedApiWrites_NeedTheAntiforgeryToken_WhateverTheEndpoint()
    {
        await using var app = new GnbvApp(Database);
        using var browser = await CookieJar.SignInAsync(app, "pacmiau");
        var token = HtmlForm.All(await browser.PageAsync("/"), "/").Single(f => f.Action == "/account/logout").Value(HtmlForm.AntiforgeryField)!;
        async Task<int> RunsAsync()
        {
            await using var db = Context();
            return await db.ImportRuns.CountAsync();
        }
        HttpRequestMessage Values(bool dryRun) => new(HttpMethod.Post, "/api/v1/imports?dryRun=" + (dryRun ? "true" : "false"))
        {
            Content = new MultipartFormDataContent { { new StringContent("dataElement,period,orgUnit,value\nCS.TD_HO_NGHEO_LUOT,2023S1,01290,7\n"), "file", "v.csv" } },
        };
        var before = await RunsAsync();

        var refused = new List<(string, HttpStatusCode)>();
        foreach (var request in new[]
                 {
                     Values(dryRun: false),
                     new HttpRequestMessage(HttpMethod.Post, "/api/v1/households/import")
                     {
                         Content = new MultipartFormDataContent { { new StringContent("household_code,commune,name\n"), "file", "ho.csv" } },
                     },
                     new HttpRequestMessage(HttpMethod.Post, "/api/v1/dataValueSets")
                     {
                         Content = JsonContent.Create(new { dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value = "7" } } }),
                     },
                     new HttpRequestMessage(HttpMethod.Put, "/api/v1/reportSections")
                     {
                         Content = JsonContent.Create(new[] { new { orgUnit = "01290", period = "2023S1", section = "V", text = "Thử" } }),
                     },
                 })
        {
            using var response = await browser.SendAsync(request);
            refused.Add((request.RequestUri!.OriginalString, response.StatusCode));
            if (response.StatusCode == HttpStatusCode.BadRequest)
                (await response.Content.ReadAsStringAsync()).ShouldContain("antiforgery");
        }
        refused.ShouldAllBe(r => r.Item2 == HttpStatusCode.BadRequest);
        (await RunsAsync()).ShouldBe(before, "nothing was imported");

        var withToken = Values(dryRun: true);
        withToken.Headers.Add("RequestVerificationToken", token);
        using var accepted = await browser.SendAsync(withToken);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await browser.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads need no token");
    }

    [GeneratedRegex("created with the password (\\S+) ")]
    private static partial Regex GeneratedPassword();

    [Fact]
    public async Task TheDemoInProduction_NeverShowsOrUsesTheDocumentedPassword_ItsOwnIsLoggedOnce()
    {
        var logs = new CapturedLogs();
        await using var app = new GnbvApp(Database);
        await using var production = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        using var visitor = CookieJar.Open(production);

        var page = await visitor.PageAsync("/account/login");

        page.ShouldNotContain(DemoData.Password);
        page.ShouldNotContain("Tài khoản mẫu");
        (await visitor.PostSignInAsync("admin", DemoData.Password)).Headers.Location!.OriginalString.ShouldStartWith("/account/login?error=");
        var lines = logs.Entries.Where(e => e.Message.Contains("Demo accounts", StringComparison.Ordinal)).ToList();
        var password = GeneratedPassword().Match(lines.ShouldHaveSingleItem().Message).Groups[1].Value;
        password.Length.ShouldBeGreaterThanOrEqualTo(UserAdmin.MinPasswordLength);
        password.ShouldNotBe(DemoData.Password);
        using var admin = await CookieJar.SignInAsync(production, "admin", password);
        (await admin.IsSignedInAsync()).ShouldBeTrue();
    }
}

public class SmallerDoorsTests_Sqlite() : SmallerDoorsTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class SmallerDoorsTests_Postgres() : SmallerDoorsTests(DatabaseProvider.Postgres);
