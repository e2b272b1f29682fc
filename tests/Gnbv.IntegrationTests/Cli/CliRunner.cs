using Gnbv.Cli;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.Cli;

public sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs the gnbv command in-process against a test database, its clock pinned to <see cref="TestClock.Pinned"/>.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(TestDatabase db, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var provider = db.Provider == Gnbv.Data.Database.DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var code = await CliApp.RunAsync([.. args, "--db", db.ConnectionString, "--provider", provider], stdout, stderr, TestClock.Create());
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
