using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gnbv.IntegrationTests.Properties;

/// <summary>
/// Every JSON write endpoint (found in the app's endpoint data sources, so a new one is covered
/// without a line here) gets bodies built from its body type and then spoilt: unknown fields,
/// duplicate keys, nulls for rows and values, control, invisible and broken characters, wrong
/// types. None may answer 500 (issue 15, "Done when"). A fixed number of bodies from a fixed seed,
/// so every run tries the same ones and the time does not depend on the machine.
/// </summary>
public abstract class JsonEndpointFuzzTests(DatabaseProvider provider) : AppTest(provider)
{
    private const int Seed = 15;
    private const int BodiesPerEndpoint = 24;
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = App.CreateClient();
    }

    private sealed record Target(string Method, string Url, Type Body);

    /// <summary>The endpoints that take a JSON body on a write method, with a URL filled from plausible route and query values.</summary>
    private List<Target> WriteEndpoints()
    {
        var targets = new List<Target>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            if (accepts?.RequestType is not { } body || !accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))) continue;
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart r => Plausible(r.Name),
                    _ => "",
                }))));
                var query = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters()
                    .Where(p => p.Name is not null && endpoint.RoutePattern.GetParameter(p.Name) is null && IsSimple(p.ParameterType))
                    .Select(p => $"{p.Name}={Uri.EscapeDataString(Plausible(p.Name!))}") ?? [];
                targets.Add(new Target(method, path + (query.Any() ? "?" + string.Join('&', query) : ""), body));
            }
        }
        return targets;
    }

    private static bool IsSimple(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u.IsPrimitive || u == typeof(string) || u.IsEnum);

    private static string Plausible(string name) => name.ToLowerInvariant() switch
    {
        "orgunit" or "unit" => "01294",
        "period" => "2023S1",
        "year" => "2023",
        "id" => "1",
        "action" => "submit",
        "dryrun" => "false",
        "dataset" => "",
        _ => "x",
    };

    [Fact]
    public async Task SpoiltBodies_OnEveryJsonWriteEndpoint_AreNeverA500()
    {
        var targets = WriteEndpoints();
        // The endpoints of the issue are found by enumeration, not listed by hand.
        targets.Select(t => t.Url.Split('?')[0]).ShouldContain("/api/v1/dataValueSets");
        targets.Count.ShouldBeGreaterThanOrEqualTo(10);

        using var client = await App.ClientAsAsync("admin");
        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var target in targets)
            for (var i = 0; i < BodiesPerEndpoint; i++)
            {
                var tree = JsonBodyFuzz.Seed(target.Body, random);
                var mutations = 1 + random.Next(3);
                for (var m = 0; m < mutations; m++) tree = JsonBodyFuzz.Mutate(tree, random);
                var json = JsonBodyFuzz.Write(tree);
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{target.Method} {target.Url} {json} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(10)));
        // The bodies reached the endpoints' checks: most were refused as bad input, some went through.
        statuses.GetValueOrDefault(HttpStatusCode.BadRequest).ShouldBeGreaterThan(targets.Count * BodiesPerEndpoint / 2, string.Join(", ", statuses));
    }
}

/// <summary>JSON as a tree that can hold what a serializer cannot write: a key twice, a broken escape.</summary>
public static class JsonBodyFuzz
{
    public abstract record Node;

    public sealed record Obj(List<(string Key, Node Value)> Members) : Node;

    public sealed record Arr(List<Node> Items) : Node;

    /// <summary>A token as written (a number, true, null, or a string already in quotes).</summary>
    public sealed record Raw(string Json) : Node;

    private static readonly string[] Spoilers =
    [
        "\\u0000", "\\u0001", "\\u001b[31m", "\\u007f", "\\u0085", "\\u200b", "\\u202e", "\\ufeff", "\\u00ad", "\\ud800", "\\udc00x",
        "\\r\\n", "\\t", "e\\u0301", "<script>", "'; drop table works; --", "=1+2",
    ];

    private static readonly string[] Wrong = ["null", "true", "0", "-1", "1e400", "12345678901234567890123", "1.5", "\"\"", "{}", "[]", "[[[[[[[[]]]]]]]]", "\"2023-02-30\"", "\"abc\""];

    /// <summary>A plausible body of <paramref name="type"/>: properties by name, a row or two per list.</summary>
    public static Node Seed(Type type, Random random, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return Str("x");
        if (type == typeof(bool)) return new Raw(random.Next(2) == 0 ? "true" : "false");
        if (type.IsPrimitive || type == typeof(decimal)) return new Raw("2023");
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return new Obj([("a", Seed(type.GetGenericArguments()[1], random, depth + 1))]);
        if (typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType)
        {
            var element = type.GetGenericArguments()[0];
            return new Arr([.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Seed(element, random, depth + 1))]);
        }
        if (depth > 4) return new Raw("null");
        var members = new List<(string, Node)>();
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (p.Name!, p.ParameterType));
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, p.PropertyType));
        foreach (var (name, propertyType) in parameters.Concat(properties).DistinctBy(p => p.Item1.ToLowerInvariant()))
        {
            var key = char.ToLowerInvariant(name[0]) + name[1..];
            members.Add((key, Value(key, propertyType, random, depth)));
        }
        return new Obj(members);
    }

    private static Node Value(string key, Type type, Random random, int depth) => key switch
    {
        "orgUnit" or "parent" or "issuer" => Str("01294"),
        "period" => Str("2023S1"),
        "dataElement" => Str("CS.TD_HO_NGHEO_LUOT"),
        "value" => Str(random.Next(100).ToString(CultureInfo.InvariantCulture)),
        "code" => Str("FZ-" + random.Next(1000).ToString(CultureInfo.InvariantCulture)),
        "programItem" => Str("DA1.TDA1"),
        "source" => Str("NSTW_SN"),
        "kind" => Str("commune"),
        "date" => Str("2023-02-01"),
        "section" => Str("V"),
        "version" => new Raw("0"),
        _ => Seed(type, random, depth + 1),
    };

    private static Raw Str(string text) => new(System.Text.Json.JsonSerializer.Serialize(text));

    /// <summary>One spoiling step somewhere in the tree.</summary>
    public static Node Mutate(Node node, Random random)
    {
        var all = new List<Node>();
        Collect(node, all);
        var target = all[random.Next(all.Count)];
        Node Replace(Node n) => ReferenceEquals(n, target) ? Spoil(n, random) : n switch
        {
            Obj o => new Obj([.. o.Members.Select(m => (m.Key, Replace(m.Value)))]),
            Arr a => new Arr([.. a.Items.Select(Replace)]),
            _ => n,
        };
        return Replace(node);
    }

    private static void Collect(Node node, List<Node> all)
    {
        all.Add(node);
        if (node is Obj o) foreach (var m in o.Members) Collect(m.Value, all);
        if (node is Arr a) foreach (var i in a.Items) Collect(i, all);
    }

    private static Node Spoil(Node node, Random random)
    {
        switch (node)
        {
            case Obj o when o.Members.Count > 0:
                var member = o.Members[random.Next(o.Members.Count)];
                return random.Next(4) switch
                {
                    0 => new Obj([.. o.Members, ("v" + member.Key[1..] + "x", member.Value)]),  // a misspelt field
                    1 => new Obj([.. o.Members, (member.Key, Spoil(member.Value, random))]),      // the key twice
                    2 => new Obj([.. o.Members.Select(m => m == member ? (m.Key, (Node)new Raw("null")) : m)]),
                    _ => new Obj([.. o.Members.Select(m => m == member ? (m.Key + Spoiler(random), m.Value) : m)]),
                };
            case Arr a:
                return random.Next(3) switch
                {
                    0 => new Arr([.. a.Items, new Raw("null")]),
                    1 => new Arr([.. a.Items, new Raw(Wrong[random.Next(Wrong.Length)])]),
                    _ => new Arr([.. a.Items, .. a.Items]),
                };
            case Raw r when r.Json.StartsWith('"'):
                return random.Next(3) == 0 ? new Raw(Wrong[random.Next(Wrong.Length)]) : new Raw(r.Json.Insert(1 + random.Next(r.Json.Length - 1), Spoiler(random)));
            default:
                return random.Next(2) == 0 ? new Raw("null") : new Raw(Wrong[random.Next(Wrong.Length)]);
        }
    }

    private static string Spoiler(Random random) => Spoilers[random.Next(Spoilers.Length)];

    public static string Write(Node node) => node switch
    {
        Obj o => "{" + string.Join(",", o.Members.Select(m => $"\"{m.Key}\":{Write(m.Value)}")) + "}",
        Arr a => "[" + string.Join(",", a.Items.Select(Write)) + "]",
        Raw r => r.Json,
        _ => "null",
    };
}

public sealed class JsonEndpointFuzzTests_Sqlite() : JsonEndpointFuzzTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class JsonEndpointFuzzTests_Postgres() : JsonEndpointFuzzTests(DatabaseProvider.Postgres);
