using System.Diagnostics;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// The built gnbv command run as a real child process (dotnet gnbv.dll beside the test assembly),
/// its database given by GNBV_DB and GNBV_DB_PROVIDER, so that it can be killed with SIGKILL.
/// Output is read as it comes, not by line: the progress bar redraws one line with \r.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Task _pump;

    private CliProcess(Process process)
    {
        _process = process;
        _pump = Task.WhenAll(PumpAsync(process.StandardOutput, _out), PumpAsync(process.StandardError, _err));
    }

    public string Out { get { lock (_out) return _out.ToString(); } }
    public string Err { get { lock (_err) return _err.ToString(); } }
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts gnbv against <paramref name="connectionString"/>; <paramref name="applicationName"/> names its
    /// PostgreSQL session so that the test can find its locks and see it go.
    /// </summary>
    public static CliProcess Start(DatabaseProvider provider, string connectionString, string applicationName, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gnbv.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["GNBV_DB"] = provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString
            : connectionString;
        start.Environment["GNBV_DB_PROVIDER"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        // The child decides dates on the same pinned day as the in-process tests (and writes the same timestamps each run).
        start.Environment[Gnbv.Domain.Time.PinnedClock.Variable] = TestClock.Variable;
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("gnbv did not start"));
    }

    public static CliProcess Start(TestDatabase db, string applicationName, params string[] args) =>
        Start(db.Provider, db.ConnectionString, applicationName, args);

    /// <summary>Polls until <paramref name="condition"/> holds; fails if the process ends first or time runs out.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (_process.HasExited)
                throw new ShouldAssertException($"gnbv ended (exit {_process.ExitCode}) before {what}; the input is too small to catch it mid-way.\nstdout: {Out}\nstderr: {Err}");
            if (clock.Elapsed > (timeout ?? TimeSpan.FromMinutes(2)))
                throw new ShouldAssertException($"timed out waiting for {what}\nstdout: {Out}\nstderr: {Err}");
            await Task.Delay(10);
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>SIGKILL to the process and anything it started; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        // 128 + SIGKILL: it was killed, it did not finish on its own a moment before.
        _process.ExitCode.ShouldBe(137, $"gnbv was not killed by SIGKILL\nstdout: {Out}\nstderr: {Err}");
    }

    /// <summary>Waits for a run to the end and returns its exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync(cts.Token);
        await _pump;
        return _process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
            lock (into) into.Append(buffer, 0, n);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
