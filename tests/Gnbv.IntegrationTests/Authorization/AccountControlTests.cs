using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Users;
using Gnbv.IntegrationTests.Cli;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.IntegrationTests.Authorization;

/// <summary>
/// Issue 15 item 9: an administrator can cut anyone off (disable, role, password, tokens), from
/// the API and the CLI, with the audit; sign-out and disabling end every session at once, a
/// cookie copied before included; tokens expire by default; and a sign-in lockout (anyone can
/// cause one) never stops the account's tokens.
/// </summary>
public abstract class AccountControlTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string ValuesSave = "/api/v1/dataValueSets?dryRun=true";

    private static JsonContent Values(string unit) =>
        JsonContent.Create(new { dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = unit, value = "1" } } });

    private async Task<List<AuditEntry>> AuditAsync(string entity, string key)
    {
        await using var db = Context();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.EntityKey.StartsWith(key)).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Disabling_EndsTheSessionAndACopiedCookie_RevokesEveryToken_AndRefusesSignIn_UntilEnabled()
    {
        await using var app = new GnbvApp(Database);
        using var admin = await app.ClientAsAsync("admin");
        using var officerToken = await app.ClientAsAsync("lybon");
        using var browser = await CookieJar.SignInAsync(app, "lybon");
        using var copy = browser.Copy(app);
        (await copy.IsSignedInAsync()).ShouldBeTrue();
        (await officerToken.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var disabled = await admin.PostAsJsonAsync("/api/v1/users/lybon/disable", new { reason = "nghỉ việc" });

        disabled.StatusCode.ShouldBe(HttpStatusCode.OK, await disabled.Content.ReadAsStringAsync());
        var body = await disabled.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("disabled").GetBoolean().ShouldBeTrue();
        body.GetProperty("activeTokens").GetInt32().ShouldBe(0);
        (await browser.IsSignedInAsync()).ShouldBeFalse("the officer's own browser is signed out at its next request");
        (await copy.IsSignedInAsync()).ShouldBeFalse("a copy of the cookie stops working too");
        (await officerToken.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var again = CookieJar.Open(app))
            (await again.PostSignInAsync("lybon", DemoData.Password)).Headers.Location!.OriginalString.ShouldStartWith("/account/login?error=invalid");

        (await admin.PostAsJsonAsync("/api/v1/users/lybon/enable", new { reason = "trở lại" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var back = await CookieJar.SignInAsync(app, "lybon")) (await back.IsSignedInAsync()).ShouldBeTrue();
        (await officerToken.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "revoked tokens stay revoked");
        var audit = await AuditAsync(AuditEntities.User, "lybon");
        audit.Select(a => (a.Action, a.Reason, a.ChangedBy)).ShouldBe([("insert", null, "demo"), ("disable", "nghỉ việc", "admin"), ("enable", "trở lại", "admin")]);
        AuditLogChanges(audit[1]).ShouldContainKey("TokensRevoked");
        (await AuditAsync(AuditEntities.ApiToken, "lybon/")).Count(a => a.Action == "revoke").ShouldBe(1);
    }

    private static Dictionary<string, string?[]> AuditLogChanges(AuditEntry entry) => Gnbv.Data.Audit.AuditLog.ParseChanges(entry.Changes);

    [Fact]
    public async Task SigningOut_EndsEveryBrowserOfTheUser_ACopiedCookieIncluded_ButNotTheirTokens()
    {
        await using var app = new GnbvApp(Database);
        using var token = await app.ClientAsAsync("pacmiau");
        using var browser = await CookieJar.SignInAsync(app, "pacmiau");
        using var other = await CookieJar.SignInAsync(app, "pacmiau");
        using var copy = browser.Copy(app);
        (await copy.IsSignedInAsync()).ShouldBeTrue();

        using var signedOut = await browser.SignOutAsync();

        signedOut.Headers.Location!.OriginalString.ShouldBe("/account/login");
        (await browser.IsSignedInAsync()).ShouldBeFalse();
        (await copy.IsSignedInAsync()).ShouldBeFalse("the cookie copied before sign-out no longer works");
        (await other.IsSignedInAsync()).ShouldBeFalse("signing out ends the user's other sessions");
        (await token.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK, "API tokens are the integration's, revoked apart");
    }

    [Fact]
    public async Task ChangingTheRole_TakesEffectOnTheTokenAtOnce_EndsSessions_AndIsAudited()
    {
        await using var app = new GnbvApp(Database);
        using var admin = await app.ClientAsAsync("admin");
        using var officer = await app.ClientAsAsync("pacmiau");
        using var browser = await CookieJar.SignInAsync(app, "pacmiau");
        (await officer.PostAsync(ValuesSave, Values("01290"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var changed = await admin.PutAsJsonAsync("/api/v1/users/pacmiau/role", new { role = Roles.Viewer, unit = "042", reason = "chuyển công tác" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var user = await changed.Content.ReadFromJsonAsync<JsonElement>();
        (user.GetProperty("role").GetString(), user.GetProperty("unit").GetString()).ShouldBe((Roles.Viewer, "042"));
        (await officer.PostAsync(ValuesSave, Values("01290"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/v1/dataValueSets?orgUnit=01294&period=2023S1")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new unit's subtree");
        (await browser.IsSignedInAsync()).ShouldBeFalse("the browser signs in again to get the new rights");
        var entry = (await AuditAsync(AuditEntities.User, "pacmiau")).Last();
        (entry.Action, entry.Reason, entry.ChangedBy).ShouldBe(("role", "chuyển công tác", "admin"));
        AuditLogChanges(entry)["Role"].ShouldBe([Roles.CommuneOfficer, Roles.Viewer]);
        AuditLogChanges(entry)["Unit"].ShouldBe(["01290", "042"]);
    }

    [Fact]
    public async Task ResettingThePassword_ReturnsTheGeneratedOneOnce_TheOldOneStopsWorking()
    {
        await using var app = new GnbvApp(Database);
        using var admin = await app.ClientAsAsync("admin");
        using var browser = await CookieJar.SignInAsync(app, "baolam");

        using var reset = await admin.PostAsJsonAsync("/api/v1/users/baolam/password", new { reason = "quên mật khẩu" });

        reset.StatusCode.ShouldBe(HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
        var password = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generatedPassword").GetString().ShouldNotBeNull();
        password.Length.ShouldBeGreaterThanOrEqualTo(UserAdmin.MinPasswordLength);
        (await browser.IsSignedInAsync()).ShouldBeFalse();
        using (var old = CookieJar.Open(app))
            (await old.PostSignInAsync("baolam", DemoData.Password)).Headers.Location!.OriginalString.ShouldStartWith("/account/login?error=");
        using (var fresh = await CookieJar.SignInAsync(app, "baolam", password)) (await fresh.IsSignedInAsync()).ShouldBeTrue();
        var entry = (await AuditAsync(AuditEntities.User, "baolam")).Last();
        (entry.Action, entry.Reason).ShouldBe(("password", "quên mật khẩu"));
        entry.Changes.ShouldNotContain(password);
        (await admin.PostAsJsonAsync("/api/v1/users/baolam/password", new { password = "ngan" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RevokingOneToken_StopsItAtItsNextRequest_TheOthersKeepWorking()
    {
        await using var app = new GnbvApp(Database);
        using var admin = await app.ClientAsAsync("admin");
        using var first = await app.ClientAsAsync("pacmiau");
        using var second = await app.ClientAsAsync("pacmiau");
        (await first.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/pacmiau/tokens");
        tokens.GetArrayLength().ShouldBe(2);
        var prefix = first.DefaultRequestHeaders.Authorization!.Parameter![..12];
        var id = tokens.EnumerateArray().Single(t => t.GetProperty("prefix").GetString() == prefix).GetProperty("id").GetInt32();

        using var revoked = await admin.PostAsJsonAsync($"/api/v1/users/pacmiau/tokens/{id}/revoke", new { reason = "lộ token" });

        (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").GetInt32().ShouldBe(1);
        (await first.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await AuditAsync(AuditEntities.ApiToken, $"pacmiau/{prefix}")).Last();
        (entry.Action, entry.Reason, entry.ChangedBy).ShouldBe(("revoke", "lộ token", "admin"));
        (await admin.PostAsJsonAsync("/api/v1/users/pacmiau/tokens/999999/revoke", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/users/pacmiau/tokens/revoke", new { reason = "hết dự án" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenWithoutDays_ExpiresAfterTheDefault()
    {
        await using var app = new GnbvApp(Database);
        using var client = app.CreateClient();
        await using (var db = Context())
        {
            var (token, secret) = await db.Service<ApiTokens>().CreateAsync("pacmiau", "tích hợp", days: null);
            token.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddDays(ApiTokens.DefaultDays));
            client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            (await client.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK);
            app.Clock.Advance(TimeSpan.FromDays(ApiTokens.DefaultDays) + TimeSpan.FromMinutes(1));
            (await client.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        await using var check = Context();
        await Should.ThrowAsync<Gnbv.Domain.DomainException>(() => check.Service<ApiTokens>().CreateAsync("pacmiau", "mãi mãi", days: ApiTokens.MaxDays + 1));
    }

    [Fact]
    public async Task WrongPasswordsLockSignInOnly_TheAccountsTokensKeepWorking()
    {
        await using var app = new GnbvApp(Database);
        using var token = await app.ClientAsAsync("lybon");
        for (var i = 0; i < 6; i++)
        {
            using var stranger = CookieJar.Open(app);
            (await stranger.PostSignInAsync("lybon", "doan-mat-khau-" + i)).Headers.Location!.OriginalString.ShouldStartWith("/account/login?error=invalid");
        }
        await using (var db = Context()) (await db.Users.SingleAsync(u => u.UserName == "lybon")).LockoutEnd.ShouldNotBeNull("sign-in is locked");

        (await token.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await token.PostAsync(ValuesSave, Values("01294"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AccountAudit_IsReadByAdministratorsOnly_AndTheLastAdministratorCannotBeCutOff()
    {
        await using var app = new GnbvApp(Database);
        using var admin = await app.ClientAsAsync("admin");
        using var district = await app.ClientAsAsync("baolam");
        (await admin.PostAsJsonAsync("/api/v1/users/baolam.xem/disable", new { reason = "thử" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?entity=user&key=baolam.xem")).GetArrayLength().ShouldBe(2);
        (await district.GetFromJsonAsync<JsonElement>("/api/v1/audit?entity=user&key=baolam.xem")).GetArrayLength().ShouldBe(0);
        (await district.GetFromJsonAsync<JsonElement>("/api/v1/audit?entity=api-token")).GetArrayLength().ShouldBe(0);
        (await district.PostAsJsonAsync("/api/v1/users/baolam.xem/enable", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var last = await admin.PostAsJsonAsync("/api/v1/users/admin/disable", new { });
        last.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/v1/users/admin/role", new { role = Roles.Viewer, unit = "04" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "the administrator is still one");
    }

    [Fact]
    public async Task TheCli_ReadsItsOwnClock_InEveryService_NotTheSystemClock()
    {
        // A run pinned to January 2020 (GNBV_TEST_NOW, or a test's clock): a token made then for 30
        // days is active in that run. The services of a command read the system clock before, so
        // the token showed as expired on any real date after its 30 days.
        await LoadDemoAsync();
        var january2020 = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2020, 1, 10, 3, 0, 0, TimeSpan.Zero));
        await using (var db = Context())
        await using (var services = DbServices.Build(db, january2020))
            await services.GetRequiredService<ApiTokens>().CreateAsync("lybon", "cli", days: 30);

        var list = await CliRunner.RunAsync(Database, january2020, "users", "list");
        list.ExitCode.ShouldBe(0, list.Err);
        list.Out.ShouldContain("lybon\tcommune-officer\t01294\tactive\t1\t");
    }

    [Fact]
    public async Task TheCli_ListsDisablesEnablesChangesRolesResetsPasswordsAndRevokesTokens()
    {
        await LoadDemoAsync();
        await using (var db = Context()) await db.Service<ApiTokens>().CreateAsync("lybon", "cli", days: 30);

        var list = await CliRunner.RunAsync(Database, "users", "list");
        list.ExitCode.ShouldBe(0, list.Err);
        list.Out.ShouldContain("lybon\tcommune-officer\t01294\tactive\t1\t");

        (await CliRunner.RunAsync(Database, "users", "disable", "--user", "lybon", "--reason", "nghỉ phép dài")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(Database, "users", "list")).Out.ShouldContain("lybon\tcommune-officer\t01294\tdisabled ");
        var tokens = await CliRunner.RunAsync(Database, "users", "tokens", "--user", "lybon");
        tokens.Out.ShouldContain("\trevoked ");
        (await CliRunner.RunAsync(Database, "users", "enable", "--user", "lybon")).ExitCode.ShouldBe(0);

        var role = await CliRunner.RunAsync(Database, "users", "role", "--user", "lybon", "--role", "district-officer", "--unit", "042", "--reason", "lên huyện");
        role.ExitCode.ShouldBe(0, role.Err);
        role.Out.ShouldContain("lybon: district-officer, đơn vị 042");

        var reset = await CliRunner.RunAsync(Database, "users", "reset-password", "--user", "lybon");
        reset.ExitCode.ShouldBe(0, reset.Err);
        reset.Out.ShouldContain("Mật khẩu (chỉ hiện một lần): ");

        await using (var db = Context()) await db.Service<ApiTokens>().CreateAsync("lybon", "cli2", days: null);
        (await CliRunner.RunAsync(Database, "users", "revoke", "--user", "lybon")).ExitCode.ShouldBe(2, "--token or --all");
        var revoked = await CliRunner.RunAsync(Database, "users", "revoke", "--user", "lybon", "--all", "--reason", "dọn token");
        revoked.Out.ShouldContain("Đã thu hồi 1 token");
        (await CliRunner.RunAsync(Database, "users", "disable", "--user", "khong-co")).ExitCode.ShouldBe(1);

        var audit = await AuditAsync(AuditEntities.User, "lybon");
        audit.Select(a => a.Action).ShouldBe(["insert", "disable", "enable", "role", "password"]);
        audit.Skip(1).ShouldAllBe(a => a.ChangedBy.StartsWith("cli:"));
        audit[1].Reason.ShouldBe("nghỉ phép dài");
        (await AuditAsync(AuditEntities.ApiToken, "lybon/")).Where(a => a.Action == "revoke").Select(a => a.Reason).ShouldBe(["nghỉ phép dài", "dọn token"], "disabling revokes the tokens with its reason");
    }
}

public class AccountControlTests_Sqlite() : AccountControlTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class AccountControlTests_Postgres() : AccountControlTests(DatabaseProvider.Postgres);
