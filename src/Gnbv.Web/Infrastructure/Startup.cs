using System.Globalization;
using Gnbv.Data;
using Gnbv.Data.Database;
using Gnbv.Domain.Time;
using Gnbv.Reports;
using Gnbv.Web.Components;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Gnbv.Web.Infrastructure;

public static class Startup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static WebApplicationBuilder AddGnbv(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read by hand rather than bound: "postgresql" is accepted as in GNBV_DB_PROVIDER, and a wrong
        // provider is refused with the values allowed instead of an enum conversion error.
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((o, config) =>
            {
                var section = config.GetSection(DatabaseOptions.Section);
                if (section["Provider"] is { } provider) o.Provider = DatabaseOptions.ParseProvider(provider);
                if (section["ConnectionString"] is { } connection) o.ConnectionString = connection;
                if (section["ReadOnlyConnectionString"] is { Length: > 0 } readOnly) o.ReadOnlyConnectionString = readOnly;
            })
            .PostConfigure(o => o.WithEnvironment(Environment.GetEnvironmentVariable))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Chuỗi kết nối CSDL trống: đặt GNBV_DB hoặc Database:ConnectionString (empty connection string)")
            .ValidateOnStart();
        services.AddOptions<GnbvOptions>()
            .BindConfiguration(GnbvOptions.Section)
            .PostConfigure(o => o.LoadDemo |= Environment.GetEnvironmentVariable("GNBV_DEMO") is "1" or "true")
            .Validate(o => o.MaxRequestMegabytes is >= 1 and <= 2048, "Gnbv:MaxRequestMegabytes phải từ 1 đến 2048 (MB)")
            .Validate(o => o.SignInsPerMinute is >= 1 and <= 10_000, "Gnbv:SignInsPerMinute phải từ 1 đến 10000")
            .Validate(o => { try { o.ParseKnownProxies(); return true; } catch (FormatException) { return false; } },
                "Gnbv:KnownProxies: mỗi mục phải là địa chỉ IP hoặc mạng (10.0.0.5, 10.1.0.0/16) (invalid proxy address)")
            .ValidateOnStart();
        // A reverse proxy's client address and scheme (loopback, and the configured proxies, only):
        // behind an HTTPS proxy the request is HTTPS, so the cookies get Secure and HSTS is sent.
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<GnbvOptions>>((o, gnbv) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var (proxies, networks) = gnbv.Value.ParseKnownProxies();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddGnbvRequestLimits();
        services.AddGnbvHealthChecks();
        // The one clock every date decision reads: the system's, or the instant GNBV_TEST_NOW pins (test-only).
        // Registered before authentication and AddGnbvCore, whose TryAdd of the system clock then leaves it in place.
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(_ => PinnedClock.FromEnvironment());
        // The database, the read-only context (reports, dashboards and figures read there: a streaming
        // replica when GNBV_DB_READONLY is set) and every service: the same root as the CLI's.
        services.AddGnbvCore();
        services.AddGnbvReports();
        services.AddGnbvAuth();
        services.AddSingleton<Features.Households.HouseholdImportJobs>();
        // Every ProblemDetails names the request id an officer quotes, the one in X-Request-Id and in the logs.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<GnbvExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "GNBV API";
            doc.Info.Description = "Dữ liệu Chương trình MTQG giảm nghèo bền vững: đơn vị, danh mục, chỉ tiêu, giá trị, vốn, công trình, văn bản.";
            return Task.CompletedTask;
        }));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents();
        // Vietnamese letters as they are, not as &#x1EC7; entities: pages stay small on slow connections.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        // Strict bodies (no unknown field, no key twice, checked text in NFC; nulls refused by the filter below).
        services.AddGnbvJsonBodies();
        return builder;
    }

    /// <summary>Creates or upgrades the database before the first request; loads the demo if asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // A malformed GNBV_TEST_NOW stops the start here, with the start-up errors, not at the first request.
        var clock = app.Services.GetRequiredService<TimeProvider>();
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PinnedClock.Variable)))
            app.Logger.LogWarning("The clock is pinned to {Now:O} by {Variable}, a test-only setting", clock.GetUtcNow(), PinnedClock.Variable);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(StartupError.CannotOpen(options, e), e);
        }
        var readOnly = scope.ServiceProvider.GetRequiredService<ReadOnlyDb>();
        if (readOnly.IsReplica)
        {
            // A wrong replica address shows at start, not at the first report.
            await using var replica = readOnly.Create();
            if (!await replica.Database.CanConnectAsync())
                throw new InvalidOperationException(
                    $"Không mở được CSDL chỉ đọc (cannot open the read-only replica; check GNBV_DB_READONLY / Database:ReadOnlyConnectionString)");
        }
        if (scope.ServiceProvider.GetRequiredService<IOptions<GnbvOptions>>().Value.LoadDemo)
        {
            // Outside Development the demo goes only into an empty database or one holding it already:
            // never mixed into a deployment's own data because a variable was left set.
            if (!app.Environment.IsDevelopment() && await DemoGuard.InspectAsync(db) == DemoTarget.HoldsData)
                throw new InvalidOperationException(DemoGuard.Refusal("GNBV_DEMO=1 (Gnbv:LoadDemo)"));
            db.Actor = "demo";
            // The documented password only where the sign-in page may show it; elsewhere (Production)
            // the demo accounts get a random one, written once to the log when they are created.
            var documented = DemoUsesDocumentedPassword(app.Environment);
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            var password = documented ? DemoData.Password : Gnbv.Data.Users.UserAdmin.GeneratePassword();
            await demo.LoadAsync(skipIfLoaded: true, password: password);
            if (!documented && demo.CreatedUsers.Count > 0)
                app.Logger.LogWarning("Demo accounts {Users} created with the password {Password} (shown this once; outside Development the demo never uses the documented password)",
                    string.Join(", ", demo.CreatedUsers), password);
        }
    }

    /// <summary>Development and the test host: where the demo accounts have the README's password and the sign-in page names it.</summary>
    public static bool DemoUsesDocumentedPassword(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static WebApplication UseGnbv(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Only on an HTTPS request (and never for localhost): a browser that saw it comes back over HTTPS only.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseGnbvRequestLimits();
        // Query strings and page forms through the one text check (JSON bodies: its converter).
        app.UseMiddleware<FormTextCheck>();
        // Routing after the request id, so that even the routing's own log lines carry it.
        app.UseRouting();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // The pages are server-rendered with no script of their own; the API browser (/scalar) brings its own.
            if (!context.Request.Path.StartsWithSegments("/scalar"))
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
        });
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseCookieApiAntiforgery();

        HealthEndpoints.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();
        Features.Account.AccountEndpoints.Map(app);
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.AddEndpointFilterFactory(JsonBodies.Filter);
        Features.Periods.PeriodsApi.Map(api);
        Features.Units.UnitsApi.Map(api);
        Features.Catalogue.CatalogueApi.Map(api);
        Features.Indicators.IndicatorsApi.Map(api);
        Features.DataValues.DataValueSetsApi.Map(api);
        Features.Targets.TargetsApi.Map(api);
        Features.Capital.CapitalApi.Map(api);
        Features.Works.WorksApi.Map(api);
        Features.Documents.DocumentsApi.Map(api);
        Features.ReportSections.ReportSectionsApi.Map(api);
        Features.Imports.ImportsApi.Map(api);
        Features.Reports.ReportsApi.Map(api);
        Features.Validation.ValidationApi.Map(api);
        Features.Workflow.WorkflowApi.Map(api);
        Features.Submissions.CompletenessApi.Map(api);
        Features.Audit.AuditApi.Map(api);
        Features.Households.HouseholdsApi.Map(api);
        Features.Users.UsersApi.Map(api);
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == name) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }
}
