using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

// Each test class starts its own web app, demo database and Chromium. Run in parallel on the
// 2-core machine, a class's first page took over Playwright's 30 s in CI; one at a time is
// no slower overall and does not starve a page load.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace Gnbv.BrowserTests;

/// <summary>
/// The web app on a real loopback port (Kestrel) with the demo data in a fresh SQLite file, and
/// Debian's Chromium driven by Playwright. One per test class; each test gets its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "GnbvDemo2023!";

    /// <summary>
    /// The day the pages live on, whatever day the suite runs (as the integration tests' TestClock):
    /// 3 December 2026, 10:00 in Vietnam, the demo's 2023 long past.
    /// </summary>
    public static readonly DateTimeOffset Pinned = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

    private readonly string _db = Path.Combine(Path.GetTempPath(), $"gnbv-browser-{Guid.NewGuid():N}.db");
    private Factory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;

    public static string ScreenshotDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("GNBV_SCREENSHOTS") is { Length: > 0 } d ? d
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        _factory = new Factory(_db);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The first request waits for migrations, the demo load and JIT: do it here, not inside a test's timeout.
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(3) })
            (await http.GetAsync("/account/login")).EnsureSuccessStatusCode();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GNBV_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        // Generous on a loaded 2-core CI machine: a district dashboard's first render rolls up and validates.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string user, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }

    private sealed class Factory(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={db};Pooling=False");
            builder.UseSetting("Gnbv:LoadDemo", "true");
            // Every test class signs in a dozen times from loopback within a minute: past the default 10 a
            // sign-in got 429 and the test waited out its 90 s navigation timeout (two CI runs).
            builder.UseSetting("Gnbv:SignInsPerMinute", "1000");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Pinned));
            });
        }
    }
}
