using System.Reflection;
using System.Text.Json;
using Gnbv.Data.Imports;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// The one place where a JSON body is judged, for every endpoint: the serializer options are strict
/// (<see cref="JsonInput.Strict"/>: no unknown field, no key twice, every string through the text
/// check), a body the serializer refuses becomes a 400 naming the JSON path, and a bound body with a
/// null where a row or a value is needed is refused by <see cref="Filter"/> before the handler runs.
/// </summary>
public static class JsonBodies
{
    public static IServiceCollection AddGnbvJsonBodies(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Strict());
        // Without this a body that does not bind is a bare 400 outside Development: the exception
        // handler then answers it with the JSON path and the reason.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The body of a request the serializer refused, as the ProblemDetails naming the path.</summary>
    public static ProblemDetails? Problem(BadHttpRequestException e) =>
        e.InnerException is JsonException json ? Problem(JsonProblem.Describe(json)) : null;

    public static ProblemDetails Problem((string Path, string Message) problem) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "JSON không hợp lệ, không ghi gì (invalid JSON body, nothing written)",
        Detail = problem.Message,
        Extensions = { ["errors"] = new[] { new { path = problem.Path, message = problem.Message } } },
    };

    /// <summary>Refuses a bound body holding a null row or a null where a value is required, naming its path.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters()
            .Select((p, i) => (p, i))
            .Where(x => IsBody(x.p, isService))
            .Select(x => x.i)
            .ToArray();
        if (bodies.Length == 0) return next;
        return async invocation =>
        {
            foreach (var i in bodies)
                if (invocation.Arguments[i] is { } body && NullFields.Find(body) is { } missing)
                {
                    var problem = Problem(missing);
                    problem.Extensions["requestId"] = invocation.HttpContext.TraceIdentifier;
                    return TypedResults.Problem(problem);
                }
            return await next(invocation);
        };
    }

    private static bool IsBody(ParameterInfo p, IServiceProviderIsService? isService)
    {
        if (p.GetCustomAttribute<FromBodyAttribute>() is not null) return true;
        if (p.GetCustomAttributes().Any(a => a is IFromServiceMetadata or IFromQueryMetadata or IFromRouteMetadata or IFromHeaderMetadata or IFromFormMetadata))
            return false;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (type.IsValueType || type == typeof(string) || isService?.IsService(type) == true) return false;
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : type;
        return element.Namespace?.StartsWith("Gnbv.", StringComparison.Ordinal) == true;
    }
}
