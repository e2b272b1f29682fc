using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.IntegrationTests.Api;

/// <summary>
/// Every API endpoint, enumerated from the app's routing as the authorization matrix does, has a
/// name (the operationId clients generate code from), a summary, and its own entry in the
/// generated OpenAPI document. A new endpoint without them fails here, each offender named.
/// The document does not depend on the database, so this runs on SQLite only.
/// </summary>
public sealed partial class OpenApiTests() : DatabaseTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task EveryApiEndpoint_HasANameASummaryAndItsEntryInTheDocument()
    {
        await using var app = new GnbvApp(Database, loadDemo: false);
        using var client = await app.ClientAsAsync(null);
        using var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(50, "the API endpoints were not found in the routing");

        var offenders = new List<string>();
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (method, endpoint) in endpoints)
        {
            var key = $"{method} {endpoint.RoutePattern.RawText}";
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
            if (string.IsNullOrWhiteSpace(name)) offenders.Add($"{key}: no name (WithName)");
            if (string.IsNullOrWhiteSpace(summary)) offenders.Add($"{key}: no summary (WithSummary)");
            var path = DocumentPath(endpoint.RoutePattern.RawText!);
            if (!paths.TryGetProperty(path, out var item) && !paths.TryGetProperty(path.TrimEnd('/'), out item))
            {
                offenders.Add($"{key}: no path {path} in /openapi/v1.json");
                continue;
            }
            if (!item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                offenders.Add($"{key}: path {path} has no {method} operation in /openapi/v1.json");
                continue;
            }
            documented.Add($"{method} {path.TrimEnd('/')}");
            if (name is not null && Text(operation, "operationId") != name)
                offenders.Add($"{key}: operationId '{Text(operation, "operationId")}', expected the endpoint name '{name}'");
            if (summary is not null && Text(operation, "summary") != summary)
                offenders.Add($"{key}: the document's summary is '{Text(operation, "summary")}'");
        }
        // And the other way: the document describes no operation the app does not serve.
        foreach (var path in paths.EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
                if (!documented.Contains($"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
                    offenders.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: in /openapi/v1.json but not an /api endpoint of the app");

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiBrowser_IsServed()
    {
        await using var app = new GnbvApp(Database, loadDemo: false);
        using var client = await app.ClientAsAsync(null);
        (await client.GetAsync("/scalar")).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.MovedPermanently);
    }

    /// <summary>The route as the document writes it: parameters without their constraints ({id:long} is {id}).</summary>
    private static string DocumentPath(string route) => Constraint().Replace(route, "{$1}");

    private static string? Text(JsonElement operation, string property) =>
        operation.TryGetProperty(property, out var value) ? value.GetString() : null;

    [GeneratedRegex(@"\{([A-Za-z0-9_]+):[^}]*\}")]
    private static partial Regex Constraint();
}
