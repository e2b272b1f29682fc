using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gnbv.Cli;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Operations;

/// <summary>
/// The built web app started as a real process with a wrong configuration: it exits non-zero with one
/// line on stderr naming what is wrong and the setting to fix, no stack trace, no password.
/// </summary>
public class StartupErrorTests
{
    private const string Password = "Mk-b1-mat-42";

    private static string WebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gnbv.slnx"))) dir = dir.Parent;
        dir.ShouldNotBeNull("repository root not found");
        // Same configuration as this test assembly (bin/Release/net10.0 or bin/Debug/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(dir.FullName, "src", "Gnbv.Web", "bin", configuration, "net10.0", "Gnbv.Web.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is not built");
        return dll;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<(int Code, string Err)> RunWebAsync(Dictionary<string, string> env)
    {
        var work = Directory.CreateTempSubdirectory("gnbv-start-");
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = work.FullName };
            start.ArgumentList.Add(WebDll());
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("GNBV_", StringComparison.Ordinal) || k.StartsWith("Database__", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(key);
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (key, value) in env) start.Environment[key] = value;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new ShouldAssertException("the web app did not stop on a wrong configuration: " + await stdout);
            }
            return (process.ExitCode, (await stderr).Trim());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void ShouldBeOneClearLine(string err, params string[] mentions)
    {
        err.ShouldStartWith("GNBV không khởi động được (cannot start): ");
        err.ShouldNotContain("\n");
        err.ShouldNotContain("   at ");
        err.ShouldNotContain(Password);
        foreach (var m in mentions) err.ShouldContain(m);
    }

    [Fact]
    public async Task Web_UnknownProvider_ExitsWithOneLineNamingTheSetting()
    {
        var (code, err) = await RunWebAsync(new() { ["GNBV_DB_PROVIDER"] = "mysql" });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "'mysql'", "GNBV_DB_PROVIDER", "sqlite hoặc postgres");
    }

    [Fact]
    public async Task Web_UnknownProviderInConfiguration_ExitsWithOneLineNamingTheSetting()
    {
        var (code, err) = await RunWebAsync(new() { ["Database__Provider"] = "oracle" });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "'oracle'", "Database:Provider");
    }

    [Fact]
    public async Task Web_EmptyConnectionString_ExitsWithOneLineNamingTheSetting()
    {
        var (code, err) = await RunWebAsync(new() { ["Database__ConnectionString"] = " " });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "trống", "GNBV_DB");
    }

    [Fact]
    public async Task Web_BadRequestLimit_ExitsWithOneLineNamingTheSetting()
    {
        var (code, err) = await RunWebAsync(new() { ["Gnbv__MaxRequestMegabytes"] = "0" });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "Gnbv:MaxRequestMegabytes");
    }

    [Fact]
    public async Task Web_TestClockWithoutOffset_ExitsWithOneLineNamingTheSetting()
    {
        var (code, err) = await RunWebAsync(new() { ["GNBV_TEST_NOW"] = "2027-07-06 12:00" });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "GNBV_TEST_NOW", "2027-07-06T12:00:00Z");
    }

    [Fact]
    public async Task Web_UnreachablePostgres_ExitsWithOneLine_NoPassword()
    {
        var (code, err) = await RunWebAsync(new()
        {
            ["GNBV_DB_PROVIDER"] = "postgres",
            ["GNBV_DB"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=gnbv;Username=gnbv;Password={Password};Timeout=5",
        });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "Không mở được CSDL Postgres", "GNBV_DB", "Database:ConnectionString");
    }

    [Fact]
    public async Task Web_SqliteInAFolderThatCannotBeCreated_ExitsWithOneLine()
    {
        var (code, err) = await RunWebAsync(new() { ["GNBV_DB"] = "Data Source=/proc/gnbv-khong-co/gnbv.db" });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "Không mở được CSDL Sqlite", "GNBV_DB");
    }

    [Fact]
    public async Task Web_DemoAskedOnADatabaseHoldingData_OutsideDevelopment_ExitsWithOneLine_LoadsNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var context = db.CreateContext())
        {
            var document = """{"documents": [{"number": "12/KH-UBND", "kind": "KH", "date": "2023-02-01", "issuerName": "UBND tỉnh Cao Bằng", "subject": "Kế hoạch"}]}"""u8.ToArray();
            await context.Service<PackageImporter>().ImportAsync(ImportFileReader.Read(document, "van-ban.json"), new ImportOptions(Source: "van-ban.json"));
        }
        var (code, err) = await RunWebAsync(new() { ["GNBV_DB"] = db.ConnectionString, ["GNBV_DEMO"] = "1" });
        code.ShouldBe(1, err);
        ShouldBeOneClearLine(err, "GNBV_DEMO=1", "CSDL đã có dữ liệu", "empty database");
        await using var after = db.CreateContext();
        (await after.OrgUnits.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Cli_UnreachablePostgres_ExitsWithOneLine_NoPassword()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(
            ["db", "migrate", "--provider", "postgres", "--db", $"Host=127.0.0.1;Port={ClosedPort()};Database=gnbv;Username=gnbv;Password={Password};Timeout=5"],
            stdout, stderr);
        var err = stderr.ToString().Trim();
        code.ShouldBe(1, err);
        err.ShouldStartWith("gnbv: Không mở được CSDL Postgres");
        err.ShouldContain("GNBV_DB");
        err.ShouldNotContain("\n");
        err.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Cli_UnknownProvider_ExitsWithOneLine()
    {
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["db", "migrate", "--provider", "mysql", "--db", "Data Source=x.db"], new StringWriter(), stderr);
        code.ShouldBe(1);
        stderr.ToString().Trim().ShouldStartWith("gnbv: Loại CSDL 'mysql' không hợp lệ");
    }
}
