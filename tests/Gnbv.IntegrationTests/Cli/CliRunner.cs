using Gnbv.Cli;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.Cli;

public sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs the gnbv command in-process against a test database, its clock pinned to <see cref="TestClock.Pinned"/>.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(TestDatabase db, params string[] args) => RunAsync(db, TestClock.Create(), args);

    /// <summary>The same with the run's clock given: what every service of the command reads as "now".</summary>
    public static async Task<CliResult> RunAsync(TestDatabase db, TimeProvider clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var provider = db.Provider == Gnbv.Data.Database.DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var code = await CliApp.RunAsync([.. args, "--db", db.ConnectionString, "--provider", provider], stdout, stderr, clock);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
