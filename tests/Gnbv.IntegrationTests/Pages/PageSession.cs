using System.Net;
using AngleSharp.Html.Parser;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gnbv.IntegrationTests.Pages;

/// <summary>
/// A browser without a browser: one cookie jar, signed in through the sign-in form as a person
/// would (antiforgery token taken from the page), then pages fetched and their forms posted as
/// rendered. The fast HTTP-level counterpart of the Playwright tests.
/// </summary>
public sealed class PageSession : IDisposable
{
    private readonly HttpClient _client;

    private readonly ServerErrors _errors;

    private PageSession(HttpClient client, ServerErrors errors) => (_client, _errors) = (client, errors);

    /// <summary>A session that has not signed in yet.</summary>
    public static PageSession Open(GnbvApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), app.Errors);

    /// <summary>A session signed in through the sign-in form; fails unless the form lets the user in.</summary>
    public static async Task<PageSession> SignInAsync(GnbvApp app, string user, string password = Gnbv.Data.Database.DemoData.Password)
    {
        var session = Open(app);
        using var response = await session.PostSignInAsync(user, password);
        // A wrong password also redirects, back to the form with ?error=: only "/" is a success.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldBe("/", $"{user} was not signed in");
        return session;
    }

    /// <summary>Fills and posts the sign-in form as rendered, with or without its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string user, string password, bool withAntiforgeryToken = true)
    {
        var login = HtmlForm.All(await GetPageAsync("/account/login"), "/account/login").Single(f => f.Action == "/account/login");
        login.Set("userName", user).Set("password", password);
        return await _client.PostAsync(login.Action, login.Content(without: withAntiforgeryToken ? null : HtmlForm.AntiforgeryField));
    }

    /// <summary>Any request with this session's cookies (an API call a page's script could make), redirects not followed.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    /// <summary>The raw answer to a GET, redirects not followed.</summary>
    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    /// <summary>A page's HTML, which must come back 200.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {html}{(response.StatusCode == HttpStatusCode.InternalServerError ? "\nserver log:\n" + _errors.Recent() : "")}");
        return html;
    }

    /// <summary>The form named <paramref name="handler"/> (Blazor's @formname) of the page at <paramref name="url"/>.</summary>
    public async Task<HtmlForm> FormAsync(string url, string handler) =>
        HtmlForm.Named(await GetPageAsync(url), url, handler);

    /// <summary>Posts the form as a browser would; the answer is the page as re-rendered by the server.</summary>
    public async Task<PostedPage> PostAsync(HtmlForm form, bool withAntiforgeryToken = true)
    {
        using var response = await _client.PostAsync(form.Action, form.Content(without: withAntiforgeryToken ? null : HtmlForm.AntiforgeryField));
        var html = await response.Content.ReadAsStringAsync();
        return new PostedPage(response.StatusCode, response.StatusCode == HttpStatusCode.InternalServerError ? html + "\nserver log:\n" + _errors.Recent() : html);
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The answer to a form post: its status and, for a page, what a person reads in it.</summary>
public sealed record PostedPage(HttpStatusCode Status, string Html)
{
    /// <summary>The page's visible text with white space collapsed, as a reader sees it.</summary>
    public string Text => string.Join(' ', (new HtmlParser().ParseDocument(Html).Body?.TextContent ?? "")
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The errors shown (role="alert"): the items of an error list, else the alert's own text; empty after a save.</summary>
    public IReadOnlyList<string> Errors => new HtmlParser().ParseDocument(Html).QuerySelectorAll("[role=alert]")
        .SelectMany(a => a.QuerySelectorAll("li") is { Length: > 0 } items ? items.Select(i => i.TextContent) : [a.TextContent])
        .Select(e => e.Trim()).ToList();

    /// <summary>The confirmation line (role="status") of a save that went through.</summary>
    public string? Saved => new HtmlParser().ParseDocument(Html).QuerySelector("[role=status]")?.TextContent.Trim();
}
