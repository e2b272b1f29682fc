using Gnbv.Cli;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// A gnbv command killed with SIGKILL at a named fail point of its transaction (see
/// <c>Gnbv.Data.Diagnostics.FailPoints</c>): the database is exactly as before (every table, every
/// column) and left clean; the command run again completes and gives what it gives on an untouched
/// copy. The process blocks at the fail point until killed, so where it dies does not depend on the
/// machine's speed: the inputs stay small.
/// </summary>
public abstract class CrashTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    /// <summary>A province, a district and its two communes (one a town): enough for households, support and values.</summary>
    const string Units = """
        { "orgUnits": [
          { "code": "04", "name": "Cao Bằng", "kind": "province" },
          { "code": "042", "name": "Bảo Lâm", "kind": "district", "parent": "04" },
          { "code": "01290", "name": "Pác Miầu", "kind": "town", "parent": "042" },
          { "code": "01294", "name": "Lý Bôn", "kind": "commune", "parent": "042" } ] }
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportFileAsync(Units, "units.json");
    }

    protected async Task KilledAtThenRerunAsync(string failPoint, params string[] args)
    {
        await using var untouched = await DatabaseCopy.CreateAsync(Database);
        var before = await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: true);
        var app = "gnbv-crash-" + Guid.NewGuid().ToString("N")[..8];

        using (var cli = CliProcess.Start(Provider, Database.ConnectionString, app, failPoint, args))
        {
            await cli.WaitForFailPointAsync();
            await cli.KillAsync();
        }
        await CrashAftermath.AssertCleanAsync(Database, app);
        (await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: true)).ShouldBe(before, $"killed at {failPoint}");

        // The re-run and the reference need no killing: they run in this process, through the same command line.
        await RunAsync(Provider, Database.ConnectionString, args);
        await RunAsync(untouched.Provider, untouched.ConnectionString, args);
        (await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: false))
            .ShouldBe(await DatabaseState.ReadAsync(Provider, untouched.ConnectionString, exact: false), "the re-run differs from an uninterrupted run");
    }

    static async Task RunAsync(DatabaseProvider provider, string connectionString, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", CliProcess.Patient(provider, connectionString), "--provider", provider == DatabaseProvider.Postgres ? "postgres" : "sqlite"], stdout, stderr);
        code.ShouldBe(0, $"gnbv {string.Join(' ', args)}\nstdout: {stdout}\nstderr: {stderr}");
    }

    /// <summary>A temporary file with <paramref name="text"/>, deleted with the returned handle.</summary>
    protected static TempFile Write(string extension, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-crash-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return new TempFile(path);
    }

    protected sealed class TempFile(string path) : IDisposable
    {
        public string Path { get; } = path;
        public void Dispose() => File.Delete(Path);
    }
}
