using System.Net.Http.Json;

namespace Gnbv.IntegrationTests.Authorization;

/// <summary>What an endpoint guards, which decides every role's expected answer.</summary>
public enum Guard
{
    /// <summary>Any signed-in user may read it (metadata: units, catalogue, indicators, periods).</summary>
    SignedIn,

    /// <summary>Reading a unit's data: own subtree yes, foreign unit 403.</summary>
    UnitRead,

    /// <summary>Writing a unit's data: officers and admin in their subtree; viewers never; foreign 403.</summary>
    UnitWrite,

    /// <summary>The administrator anywhere, a district or province officer for their own unit only (not its sub-units); commune officers and viewers never (report templates).</summary>
    OwnUnitManager,

    /// <summary>Administrator only (metadata writes, import history).</summary>
    Admin,

    /// <summary>Any role that writes data, whatever the unit named: the unit is checked later, row by row (household import jobs).</summary>
    Writer,
}

/// <summary>How to call one endpoint for a given unit code.</summary>
public sealed record EndpointCase(string Method, string Route, Guard Guard, Func<string, HttpRequestMessage> Request)
{
    public string Key => $"{Method} {Route}";

    /// <summary>Only the refusals are checked (the allowed call is slow and tested elsewhere).</summary>
    public bool DenialsOnly { get; init; }

    /// <summary>The answer of an allowed call: 200 unless the endpoint starts work and answers 202.</summary>
    public System.Net.HttpStatusCode Success { get; init; } = System.Net.HttpStatusCode.OK;

    public static EndpointCase Get(string route, Guard guard, Func<string, string> url) =>
        new("GET", route, guard, unit => new HttpRequestMessage(HttpMethod.Get, url(unit)));

    public static EndpointCase Send(string method, string route, Guard guard, Func<string, object> body, string? url = null) =>
        new(method, route, guard, unit => new HttpRequestMessage(new HttpMethod(method), url ?? route.TrimEnd('/') + "?dryRun=true")
        {
            Content = JsonContent.Create(body(unit)),
        });
}
