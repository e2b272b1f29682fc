using System.Diagnostics;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// The built gnbv command run as a real child process (dotnet gnbv.dll beside the test assembly),
/// its database given by GNBV_DB and GNBV_DB_PROVIDER, so that it can be killed with SIGKILL.
/// With a fail point it blocks at that stage of its transaction and says so on stderr
/// (<see cref="FailPoints"/>): the test waits for that line, not for a lock or progress text.
/// </summary>
public sealed class CliProcess : IDisposable
{
    /// <summary>
    /// Only a hung process runs out this time. It is long because a throttled run (nice 19 beside busy
    /// loops on a loaded machine) took over five minutes to start gnbv and reach a fail point.
    /// </summary>
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Task _pump;
    private readonly string? _awaited;
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process, string? failPoint)
    {
        _process = process;
        _awaited = failPoint is null ? null : FailPoints.Reached(failPoint);
        _pump = Task.WhenAll(PumpAsync(process.StandardOutput, _out), PumpAsync(process.StandardError, _err));
    }

    public string Out { get { lock (_out) return _out.ToString(); } }
    public string Err { get { lock (_err) return _err.ToString(); } }

    /// <summary>
    /// Starts gnbv against <paramref name="connectionString"/>; <paramref name="applicationName"/> names its
    /// PostgreSQL session so that the test can see it go; <paramref name="failPoint"/>, if given, is where it blocks.
    /// </summary>
    public static CliProcess Start(DatabaseProvider provider, string connectionString, string applicationName, string? failPoint, params string[] args)
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
            ? new Npgsql.NpgsqlConnectionStringBuilder(Patient(provider, connectionString)) { ApplicationName = applicationName }.ConnectionString
            : connectionString;
        start.Environment["GNBV_DB_PROVIDER"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        // The child decides dates on the same pinned day as the in-process tests (and writes the same timestamps each run).
        start.Environment[Gnbv.Domain.Time.PinnedClock.Variable] = TestClock.Variable;
        if (failPoint is null) start.Environment.Remove(FailPoints.Variable);
        else start.Environment[FailPoints.Variable] = failPoint;
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("gnbv did not start"), failPoint);
    }

    /// <summary>
    /// The connection string with PostgreSQL's client timeouts at their longest: throttled, the client
    /// itself is too starved to open a connection in the default 15 s (gnbv failed "cannot open the
    /// database: the operation has timed out"), which says nothing about crash safety.
    /// </summary>
    public static string Patient(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = 1024, CommandTimeout = 0 }.ConnectionString
        : connectionString;

    /// <summary>
    /// Returns once gnbv has said on stderr that it reached its fail point (it then blocks there);
    /// fails if it ends without reaching it.
    /// </summary>
    public async Task WaitForFailPointAsync()
    {
        var awaited = _awaited ?? throw new InvalidOperationException("started without a fail point");
        var ended = _pump.ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            await Task.WhenAny(_seen.Task, ended).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new ShouldAssertException($"gnbv did not reach '{awaited}' within {Patience}\nstdout: {Out}\nstderr: {Err}");
        }
        if (_seen.Task.IsCompleted) return;
        await _process.WaitForExitAsync();
        throw new ShouldAssertException($"gnbv ended (exit {_process.ExitCode}) without reaching '{awaited}'\nstdout: {Out}\nstderr: {Err}");
    }

    /// <summary>SIGKILL to the process and anything it started; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        // 128 + SIGKILL: it was killed, it did not finish on its own a moment before.
        _process.ExitCode.ShouldBe(137, $"gnbv was not killed by SIGKILL\nstdout: {Out}\nstderr: {Err}");
    }

    /// <summary>Waits for a run to the end and returns its exit code.</summary>
    public async Task<int> ExitAsync()
    {
        using var cts = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(cts.Token);
        await _pump;
        return _process.ExitCode;
    }

    private async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            bool seen;
            lock (into)
            {
                into.Append(buffer, 0, n);
                seen = into == _err && _awaited is { } awaited && into.ToString().Contains(awaited, StringComparison.Ordinal);
            }
            if (seen) _seen.TrySetResult();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
