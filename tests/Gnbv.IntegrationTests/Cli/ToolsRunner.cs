using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.Tools;

namespace Gnbv.IntegrationTests.Cli;

/// <summary>Runs gnbv-tools (synthetic data, fuzz) in-process against a test database, as <see cref="CliRunner"/> runs gnbv.</summary>
public static class ToolsRunner
{
    public static async Task<CliResult> RunAsync(TestDatabase db, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var provider = db.Provider == Gnbv.Data.Database.DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var code = await ToolsApp.RunAsync([.. args, "--db", db.ConnectionString, "--provider", provider], stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
