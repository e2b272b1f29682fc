using System.Net;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.IntegrationTests.Authorization;

/// <summary>
/// Calls every API endpoint as every role (and anonymously) against its own and a foreign unit,
/// and checks each answer. An endpoint missing from <see cref="Cases"/> fails the test: whoever
/// adds an endpoint must state here who may call it.
/// </summary>
public abstract class AuthorizationMatrixTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    // (user or null for anonymous, own unit, foreign unit, role kind)
    private static readonly (string? User, string Own, string Foreign, string Kind)[] Callers =
    [
        (null, "042", "01294", "anonymous"),
        ("pacmiau", "01290", "01294", "officer"),
        ("baolam", "042", "01290-2025", "district-officer"),
        ("baolam.xem", "042", "01290-2025", "viewer"),
        ("admin", "01290", "01290-2025", "admin"),
    ];

    private static readonly EndpointCase[] Cases =
    [
        EndpointCase.Get("/api/v1/periods/{id}", Guard.SignedIn, _ => "/api/v1/periods/2023S1"),
        EndpointCase.Get("/api/v1/orgUnits/", Guard.SignedIn, _ => "/api/v1/orgUnits"),
        EndpointCase.Get("/api/v1/orgUnits/{code}", Guard.SignedIn, u => $"/api/v1/orgUnits/{u}"),
        EndpointCase.Get("/api/v1/catalogue/", Guard.SignedIn, _ => "/api/v1/catalogue"),
        EndpointCase.Get("/api/v1/fundingSources", Guard.SignedIn, _ => "/api/v1/fundingSources"),
        EndpointCase.Get("/api/v1/indicators/", Guard.SignedIn, _ => "/api/v1/indicators"),
        EndpointCase.Get("/api/v1/indicators/{code}", Guard.SignedIn, _ => "/api/v1/indicators/DA5.HO_XAY_MOI"),
        EndpointCase.Get("/api/v1/disaggregations", Guard.SignedIn, _ => "/api/v1/disaggregations"),
        EndpointCase.Get("/api/v1/dataValueSets/", Guard.UnitRead, u => $"/api/v1/dataValueSets?orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/dataValues/changes", Guard.UnitRead, u => $"/api/v1/dataValues/changes?dataElement=CS.TD_HO_NGHEO_LUOT&orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/figures", Guard.UnitRead, u => $"/api/v1/figures?orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/targets/", Guard.UnitRead, u => $"/api/v1/targets?orgUnit={u}"),
        EndpointCase.Get("/api/v1/capital/allocations", Guard.UnitRead, u => $"/api/v1/capital/allocations?orgUnit={u}"),
        EndpointCase.Get("/api/v1/capital/disbursements", Guard.UnitRead, u => $"/api/v1/capital/disbursements?orgUnit={u}"),
        EndpointCase.Get("/api/v1/works/", Guard.UnitRead, u => $"/api/v1/works?orgUnit={u}"),
        EndpointCase.Get("/api/v1/documents/", Guard.UnitRead, u => $"/api/v1/documents?issuer={u}"),
        EndpointCase.Get("/api/v1/reportSections/", Guard.UnitRead, u => $"/api/v1/reportSections?orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/imports/", Guard.Admin, _ => "/api/v1/imports"),
        EndpointCase.Get("/api/v1/validation", Guard.UnitRead, u => $"/api/v1/validation?orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/validationRules", Guard.SignedIn, _ => "/api/v1/validationRules"),
        EndpointCase.Get("/api/v1/workflow/", Guard.UnitRead, u => $"/api/v1/workflow?orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/completeness", Guard.UnitRead, u => $"/api/v1/completeness?orgUnit={u}&period=2023S1"),
        EndpointCase.Get("/api/v1/audit", Guard.UnitRead, u => $"/api/v1/audit?orgUnit={u}"),
        // A submission changes state, so a second caller would meet 409: WorkflowTests check the allowed steps.
        new EndpointCase("POST", "/api/v1/workflow/{action}", Guard.UnitWrite, u => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workflow/submit?orgUnit={u}&period=2023S1")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "" }),
        }) { DenialsOnly = true },
        EndpointCase.Get("/api/v1/reports/{orgUnit}/{period}/report.docx", Guard.UnitRead, u => $"/api/v1/reports/{u}/2023S1/report.docx"),
        EndpointCase.Get("/api/v1/reports/{orgUnit}/{period}/forms.xlsx", Guard.UnitRead, u => $"/api/v1/reports/{u}/2023S1/forms.xlsx"),
        EndpointCase.Get("/api/v1/reports/template", Guard.UnitRead, u => $"/api/v1/reports/template?orgUnit={u}"),
        new("PUT", "/api/v1/reports/template", Guard.OwnUnitManager, u => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/template?orgUnit={u}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { text = "# Báo cáo {{ unit.name }}", reason = "Thử quyền" }),
        }),
        // Converting to PDF takes seconds: the matrix checks who is refused; ReportTests check the PDF itself.
        EndpointCase.Get("/api/v1/reports/{orgUnit}/{period}/report.pdf", Guard.UnitRead, u => $"/api/v1/reports/{u}/2023S1/report.pdf") with { DenialsOnly = true },
        EndpointCase.Send("POST", "/api/v1/dataValueSets/", Guard.UnitWrite,
            u => new { dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = u, value = "1" } } }),
        EndpointCase.Send("POST", "/api/v1/capital/", Guard.UnitWrite,
            u => new { capitalAllocations = new[] { new { orgUnit = u, programItem = "DA2", source = "NSTW_SN", year = 2024, amount = 1L } } }),
        EndpointCase.Send("POST", "/api/v1/works/", Guard.UnitWrite,
            u => new[] { new { code = "W-" + u, name = "Đường thôn", kind = "transport", orgUnit = u, programItem = "DA1.TDA1" } }),
        EndpointCase.Send("POST", "/api/v1/targets/", Guard.UnitWrite,
            u => new[] { new { dataElement = "MT.HO_NGHEO_GIAM", orgUnit = u, year = 2024, value = "1" } }),
        EndpointCase.Send("POST", "/api/v1/documents/", Guard.UnitWrite,
            u => new[] { new { number = "9/QĐ-UBND", kind = "QD", date = "2023-01-02", issuer = u, subject = "Thử" } }),
        EndpointCase.Send("PUT", "/api/v1/reportSections/", Guard.UnitWrite,
            u => new[] { new { orgUnit = u, period = "2023S1", section = "V", text = "Thử" } }),
        new("POST", "/api/v1/imports/", Guard.UnitWrite, u => new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports?dryRun=true")
        {
            Content = new MultipartFormDataContent { { new StringContent($"dataElement,period,orgUnit,value\nCS.TD_HO_NGHEO_LUOT,2023S1,{u},1\n"), "file", "v.csv" } },
        }),
        EndpointCase.Get("/api/v1/households/", Guard.UnitRead, u => $"/api/v1/households?unit={u}"),
        EndpointCase.Get("/api/v1/households/{id:long}", Guard.UnitRead, u => "/api/v1/households/" + HouseholdOf),
        EndpointCase.Get("/api/v1/households/classify", Guard.SignedIn, _ => "/api/v1/households/classify?year=2023&income=1000000&deprived=water"),
        new("PUT", "/api/v1/households/{id:long}/census/{year:int}", Guard.UnitWrite, u => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/households/{HouseholdOf}/census/2023")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { income = 1_200_000L, deprived = new[] { "water" } }),
        }),
        // The job reads the file later and refuses rows of communes outside the caller's subtree (HouseholdsApiTests).
        new("POST", "/api/v1/households/import", Guard.Writer, u => new HttpRequestMessage(HttpMethod.Post, "/api/v1/households/import")
        {
            Content = new MultipartFormDataContent { { new StringContent("household_code,commune,name\n"), "file", $"ho-{u}.csv" } },
        }) { Success = HttpStatusCode.Accepted },
        // A job is readable by its starter only (404 to anyone else): HouseholdsApiTests check it; here, that it needs a user.
        EndpointCase.Get("/api/v1/households/import/{job}", Guard.SignedIn, _ => "/api/v1/households/import/none") with { DenialsOnly = true },
        EndpointCase.Get("/api/v1/households/template.xlsx", Guard.SignedIn, _ => "/api/v1/households/template.xlsx"),
        EndpointCase.Get("/api/v1/households/template.csv", Guard.SignedIn, _ => "/api/v1/households/template.csv"),
        EndpointCase.Get("/api/v1/households/export.csv", Guard.UnitRead, u => $"/api/v1/households/export.csv?unit={u}&year=2023"),
        EndpointCase.Get("/api/v1/households/transitions", Guard.UnitRead, u => $"/api/v1/households/transitions?unit={u}&year=2023"),
        EndpointCase.Get("/api/v1/households/expected-escape", Guard.UnitRead, u => $"/api/v1/households/expected-escape?unit={u}&year=2023"),
        EndpointCase.Send("POST", "/api/v1/orgUnits/", Guard.Admin, _ => new[] { new { code = "99", name = "Tỉnh Thử", kind = "province" } }),
        EndpointCase.Send("POST", "/api/v1/catalogue/", Guard.Admin, _ => new[] { new { code = "CT_THU", name = "Chương trình thử", kind = "program" } }),
        EndpointCase.Send("POST", "/api/v1/fundingSources", Guard.Admin, _ => new[] { new { code = "THU", name = "Nguồn thử" } }),
        EndpointCase.Send("POST", "/api/v1/disaggregations", Guard.Admin, _ => new[] { new { code = "thu", name = "Phân tổ thử" } }),
        EndpointCase.Send("POST", "/api/v1/indicators/", Guard.Admin, _ => new[] { new { code = "THU", name = "Chỉ tiêu thử", unitOfMeasure = "hộ" } }),
        // Account control acts on lybon, who is none of the callers; each step is idempotent, so the admin's second call is 200 too.
        EndpointCase.Get("/api/v1/users/", Guard.Admin, _ => "/api/v1/users"),
        EndpointCase.Send("POST", "/api/v1/users/{userName}/disable", Guard.Admin, _ => new { reason = "thử" }, "/api/v1/users/lybon/disable"),
        EndpointCase.Send("POST", "/api/v1/users/{userName}/enable", Guard.Admin, _ => new { reason = "thử" }, "/api/v1/users/lybon/enable"),
        EndpointCase.Send("PUT", "/api/v1/users/{userName}/role", Guard.Admin, _ => new { role = "commune-officer", unit = "01294" }, "/api/v1/users/lybon/role"),
        EndpointCase.Send("POST", "/api/v1/users/{userName}/password", Guard.Admin, _ => new { password = "mat-khau-moi-2026" }, "/api/v1/users/lybon/password"),
        EndpointCase.Get("/api/v1/users/{userName}/tokens", Guard.Admin, _ => "/api/v1/users/lybon/tokens"),
        // A token id only the test that creates it knows: AccountControlTests revoke one; here, who is refused.
        EndpointCase.Send("POST", "/api/v1/users/{userName}/tokens/{token}/revoke", Guard.Admin, _ => new { }, "/api/v1/users/lybon/tokens/1/revoke") with { DenialsOnly = true },
        EndpointCase.Send("POST", "/api/v1/users/{userName}/tokens/revoke", Guard.Admin, _ => new { }, "/api/v1/users/lybon/tokens/revoke"),
    ];

    /// <summary>Stands in a URL for a household of the unit called (in its subtree), for the endpoints that take a household id.</summary>
    private const string HouseholdOf = "HOUSEHOLD-OF-UNIT";

    private readonly Dictionary<string, long> _householdIn = [];

    private static HttpStatusCode Expected(Guard guard, string kind, bool own) => (guard, kind) switch
    {
        (_, "anonymous") => HttpStatusCode.Unauthorized,
        (_, "admin") => HttpStatusCode.OK,
        (Guard.SignedIn, _) => HttpStatusCode.OK,
        (Guard.Admin, _) => HttpStatusCode.Forbidden,
        (Guard.Writer, "officer" or "district-officer") => HttpStatusCode.OK,
        (Guard.UnitRead, _) => own ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        (Guard.UnitWrite, "officer" or "district-officer") => own ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        (Guard.OwnUnitManager, "district-officer") => own ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        _ => HttpStatusCode.Forbidden,
    };

    [Fact]
    public async Task EveryApiEndpoint_AnswersEachRoleAsItsGuardSays()
    {
        await using var app = new GnbvApp(Database);
        _ = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();
        var unlisted = endpoints.Except(Cases.Select(c => c.Key)).ToList();
        unlisted.ShouldBeEmpty("these API endpoints have no entry in the authorization matrix: state who may call them");
        Cases.Select(c => c.Key).Except(endpoints).ShouldBeEmpty("the matrix lists endpoints that no longer exist");

        await LoadHouseholdsAsync();

        var failures = new List<string>();
        foreach (var (user, own, foreign, kind) in Callers)
        {
            using var client = await app.ClientAsAsync(user);
            foreach (var c in Cases)
            {
                foreach (var (unit, isOwn) in new[] { (own, true), (foreign, false) })
                {
                    var expected = Expected(c.Guard, kind, isOwn);
                    if (c.DenialsOnly && expected == HttpStatusCode.OK) continue;
                    if (expected == HttpStatusCode.OK) expected = c.Success;
                    using var request = c.Request(unit);
                    if (request.RequestUri!.OriginalString.Contains(HouseholdOf, StringComparison.Ordinal))
                        request.RequestUri = new Uri(request.RequestUri.OriginalString.Replace(HouseholdOf, _householdIn[unit].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode != expected)
                        failures.Add($"{user ?? "anonymous"} {c.Key} ({unit}): {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>The demo registry through the importer, plus one household in the merged commune the district's callers may not read.</summary>
    private async Task LoadHouseholdsAsync()
    {
        await using var db = Context();
        await Gnbv.TestData.Households.DemoHouseholds.LoadAsync(db, count: 26, seed: 3);
        var header = string.Join(',', Gnbv.Data.Households.HouseholdColumns.All.Select(c => c.Key));
        var row = string.Join(',', Gnbv.Data.Households.HouseholdColumns.All.Select(c => c.Key switch
        {
            "household_code" => "MX-1",
            "commune" => "01290-2025",
            "name" => "Ma Văn Chẩn",
            "relation" => "Chủ hộ",
            _ => "",
        }));
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{header}\n{row}\n"));
        await db.Service<Gnbv.Data.Households.HouseholdImporter>().ImportAsync(file, "mx.csv", new(Gnbv.Data.Users.Actor.System));
        foreach (var code in Callers.SelectMany(c => new[] { c.Own, c.Foreign }).Distinct())
        {
            var unit = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OrgUnits, u => u.Code == code);
            _householdIn[code] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Households.Where(h => h.OrgUnit!.Path.StartsWith(unit.Path)).OrderBy(h => h.Id).Select(h => h.Id));
        }
    }

    [Fact]
    public async Task AnonymousPage_RedirectsToSignIn_ButTheSignInPageIsOpen()
    {
        await using var app = new GnbvApp(Database);
        using var client = await app.ClientAsAsync(null);
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/account/login");
        (await client.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_RevokedOrUnknown_Is401()
    {
        await using var app = new GnbvApp(Database);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "gnbv_not-a-real-token");
        (await client.GetAsync("/api/v1/orgUnits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public class AuthorizationMatrixTests_Sqlite() : AuthorizationMatrixTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class AuthorizationMatrixTests_Postgres() : AuthorizationMatrixTests(DatabaseProvider.Postgres);
