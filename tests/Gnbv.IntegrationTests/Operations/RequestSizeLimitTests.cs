using System.Net;
using System.Text;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Operations;

/// <summary>Gnbv:MaxRequestMegabytes set to 1: larger bodies and oversized forms are 413, nothing read or written.</summary>
public sealed class RequestSizeLimitTests() : DatabaseTest(DatabaseProvider.Sqlite)
{
    private GnbvApp _app = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new GnbvApp(Database);
        _factory = _app.WithWebHostBuilder(b => b.UseSetting("Gnbv:MaxRequestMegabytes", "1"));
    }

    public override async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<HttpClient> ClientAsync()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await using var db = Database.CreateContext();
        var (_, secret) = await db.Service<Gnbv.Data.Users.ApiTokens>().CreateAsync("pacmiau", "test", days: 1);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static MultipartFormDataContent Csv(int bytes, string name = "values.csv")
    {
        var csv = new StringBuilder("dataElement,period,orgUnit,disaggregation,value,comment\n");
        while (csv.Length < bytes) csv.Append("CS.TD_HO_NGHEO_LUOT,2023S1,01290,total,35,Thị trấn Pác Miầu báo cáo\n");
        return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", name } };
    }

    private async Task<(int Runs, int Values)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.ImportRuns.CountAsync(), await db.DataValues.CountAsync());
    }

    [Fact]
    public async Task AnUploadOverTheLimit_Is413ProblemDetails_InVietnamese_AndNothingIsWritten()
    {
        using var client = await ClientAsync();
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/v1/imports", Csv(1_200_000));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        problem.GetProperty("title").GetString().ShouldBe("Yêu cầu quá lớn, không ghi gì (request too large, nothing written)");
        problem.GetProperty("detail").GetString()!.ShouldContain("vượt quá 1 MB");
        problem.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
        (await client.PostAsync("/api/v1/households/import", Csv(1_200_000, "ho.csv"))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await CountsAsync()).ShouldBe(before);

        // Under the limit a request of 0,6 MB goes through (one value, padded by a field the import ignores).
        var underLimit = Csv(10);
        underLimit.Add(new StringContent(new string('x', 600_000)), "padding");
        var small = await client.PostAsync("/api/v1/imports", underLimit);
        small.StatusCode.ShouldBe(HttpStatusCode.OK, await small.Content.ReadAsStringAsync());
        (await CountsAsync()).Runs.ShouldBe(before.Runs + 1);
    }

    [Fact]
    public async Task ARequestOverTheLimit_IsRefusedBeforeSignIn_AndAPageGetsAReadableError()
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/households/import") { Content = Csv(2_000_000, "ho.csv") };
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        var page = await anonymous.SendAsync(request);
        page.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Yêu cầu quá lớn");
        html.ShouldContain("vượt quá 1 MB");
        html.ShouldContain("Mã yêu cầu");
    }

    [Fact]
    public async Task AFormWithTooManyFields_Is413_NotAServerError()
    {
        using var client = await ClientAsync();
        var before = await CountsAsync();
        var form = Csv(1_000);
        for (var i = 0; i < 1100; i++) form.Add(new StringContent("x"), $"f{i}");
        var response = await client.PostAsync("/api/v1/imports", form);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, text);
        JsonSerializer.Deserialize<JsonElement>(text).GetProperty("title").GetString()!.ShouldStartWith("Biểu mẫu quá lớn");
        (await CountsAsync()).ShouldBe(before);
    }
}
