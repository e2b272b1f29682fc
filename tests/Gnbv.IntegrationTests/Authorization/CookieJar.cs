using System.Net;
using Gnbv.IntegrationTests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gnbv.IntegrationTests.Authorization;

/// <summary>
/// A browser's cookies held in the open, so that a test can copy them, as someone who took a
/// session cookie off a shared computer would, and keep using the copy after the owner signed out.
/// </summary>
public sealed class CookieJar : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies;

    private CookieJar(HttpClient client, Dictionary<string, string> cookies) => (_client, _cookies) = (client, cookies);

    public static CookieJar Open(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }), []);

    /// <summary>Signs in through the sign-in form (its antiforgery token and cookie), as a person would.</summary>
    public static async Task<CookieJar> SignInAsync(WebApplicationFactory<Program> app, string user, string password = Gnbv.Data.Database.DemoData.Password)
    {
        var jar = Open(app);
        using var response = await jar.PostSignInAsync(user, password);
        response.Headers.Location!.OriginalString.ShouldBe("/", $"{user} was not signed in");
        return jar;
    }

    public async Task<HttpResponseMessage> PostSignInAsync(string user, string password, string? returnUrl = null)
    {
        var form = HtmlForm.All(await PageAsync("/account/login"), "/account/login").Single(f => f.Action == "/account/login");
        form.Set("userName", user).Set("password", password);
        if (returnUrl is not null) form.Set("returnUrl", returnUrl);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = form.Content() });
    }

    /// <summary>Another browser holding a copy of these cookies as they are now.</summary>
    public CookieJar Copy(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }), new(_cookies));

    public bool Has(string cookie) => _cookies.ContainsKey(cookie);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public async Task<string> PageAsync(string url)
    {
        using var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {html}");
        return html;
    }

    /// <summary>Presses "Đăng xuất" in the page header.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var form = HtmlForm.All(await PageAsync("/"), "/").Single(f => f.Action == "/account/logout");
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = form.Content() });
    }

    /// <summary>True when "/" shows a page; false when it sends the visitor to the sign-in form.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var home = await GetAsync("/");
        if (home.StatusCode == HttpStatusCode.OK) return true;
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldContain("/account/login");
        return false;
    }

    public void Dispose() => _client.Dispose();
}
