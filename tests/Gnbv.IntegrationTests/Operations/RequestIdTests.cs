using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gnbv.IntegrationTests.Operations;

/// <summary>Every request has an id: in the response header, in every log line of the request, on a 500.</summary>
public sealed class RequestIdTests() : DatabaseTest(DatabaseProvider.Sqlite)
{
    private const string Header = "X-Request-Id";
    private GnbvApp _app = null!;
    private readonly CapturedLogs _logs = new();
    private WebApplicationFactory<Program> _factory = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new GnbvApp(Database);
        _factory = _app.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(l => l.AddProvider(_logs).AddFilter<CapturedLogs>(null, LogLevel.Debug));
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ThrowAtPath("/test-boom")));
        });
    }

    public override async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signed in (a personal access token), so that the fallback policy lets the request reach the failing path.</summary>
    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = Client();
        await using var db = Database.CreateContext();
        var (_, secret) = await db.Service<Gnbv.Data.Users.ApiTokens>().CreateAsync("pacmiau", "test", days: 1);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string Id(HttpResponseMessage response) =>
        response.Headers.TryGetValues(Header, out var values) ? values.Single() : throw new ShouldAssertException("no X-Request-Id header");

    [Fact]
    public async Task EveryResponse_CarriesARequestId_AndAWellFormedIncomingOneIsEchoed()
    {
        using var client = Client();
        var first = await client.GetAsync("/health/live");
        var second = await client.GetAsync("/health/live");
        Id(first).ShouldNotBeNullOrWhiteSpace();
        Id(first).ShouldNotBe(Id(second));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/periods");
        request.Headers.Add(Header, "proxy-7f3a.42:x_1");
        var echoed = await client.SendAsync(request);
        echoed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Id(echoed).ShouldBe("proxy-7f3a.42:x_1");
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("id<script>")]
    [InlineData("giả-mạo")]
    [InlineData("x\u0001y")]
    [InlineData("tooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooong")]
    public async Task AHostileIncomingId_IsReplacedByTheServersOwn(string hostile)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation(Header, hostile).ShouldBeTrue();
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = Id(response);
        id.ShouldNotBe(hostile);
        Gnbv.Web.Infrastructure.RequestIdMiddleware.IsWellFormed(id).ShouldBeTrue(id);
    }

    [Fact]
    public async Task LogLinesWrittenDuringARequest_CarryItsId()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add(Header, "req-log-1");
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Routing and the health check service log inside the request; each of those lines carries the id.
        var inRequest = _logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)
                                                 || e.Category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal)).ToList();
        inRequest.ShouldNotBeEmpty();
        inRequest.ShouldAllBe(e => e.Scope.ContainsKey("RequestId") && (string)e.Scope["RequestId"]! == "req-log-1");
    }

    [Fact]
    public async Task AnUnexpectedError_Is500WithTheRequestId_NoInternals_AndIsLoggedUnderThatId()
    {
        using var client = await SignedInClientAsync();
        var response = await client.GetAsync("/test-boom");
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var id = Id(response);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(ThrowAtPath.Secret);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("title").GetString().ShouldBe("Lỗi hệ thống (internal error)");
        problem.GetProperty("requestId").GetString().ShouldBe(id);
        problem.GetProperty("detail").GetString()!.ShouldContain(id);

        var error = _logs.Entries.Single(e => e.Level == LogLevel.Error && e.Category.EndsWith("GnbvExceptionHandler", StringComparison.Ordinal));
        error.Scope["RequestId"].ShouldBe(id);

        // A browser gets a page it can read, with the same id to quote.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/test-boom");
        page.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        var html = await client.SendAsync(page);
        html.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var text = await html.Content.ReadAsStringAsync();
        text.ShouldContain("Lỗi hệ thống");
        text.ShouldContain(Id(html));
        text.ShouldNotContain(ThrowAtPath.Secret);
    }

    [Fact]
    public async Task AnApiRefusal_ProblemDetails_NamesTheRequestId()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/periods");
        request.Headers.Add(Header, "quote-me-123");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("requestId").GetString().ShouldBe("quote-me-123");
    }
}
