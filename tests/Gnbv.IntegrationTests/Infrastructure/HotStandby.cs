using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// A hot standby of the test server (GNBV_TEST_POSTGRES): pg_basebackup -R into a temporary
/// directory, started on a free loopback port, streaming from the test server through a replication
/// slot (so the WAL it needs is kept). The test server is a throwaway cluster made with
/// <c>initdb -A trust</c>, whose pg_hba.conf lets replication connections in from 127.0.0.1.
/// As root the standby runs as the postgres user, as scripts/test.sh runs the server.
/// </summary>
public sealed class HotStandby : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly string _slot;
    private readonly NpgsqlConnectionStringBuilder _server;

    private HotStandby(string bin, string dir, string slot, int port, NpgsqlConnectionStringBuilder server)
    {
        _bin = bin;
        _dir = dir;
        _slot = slot;
        Port = port;
        _server = server;
    }

    public int Port { get; }

    /// <summary>The directory of the PostgreSQL binaries matching the test server's major version, or null.</summary>
    public static string? FindBinaries(int? major = null)
    {
        var dirs = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return dirs
            .Where(d => major is null || Path.GetFileName(d) == major.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "pg_basebackup")))
            .OrderByDescending(b => b, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public static async Task<HotStandby> StartAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres", Pooling = false };
        // The standby must allow at least as many connections, workers and locks as the primary, or it refuses to start.
        var settings = new Dictionary<string, string>();
        int major;
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            major = Convert.ToInt32(await Scalar(connection, "SELECT current_setting('server_version_num')::int / 10000"), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var name in new[] { "max_connections", "max_worker_processes", "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction" })
                settings[name] = (string)(await Scalar(connection, $"SELECT current_setting('{name}')"))!;
        }
        var bin = FindBinaries(major) ?? throw new InvalidOperationException($"pg_basebackup of PostgreSQL {major} not found under /usr/lib/postgresql");
        var id = Guid.NewGuid().ToString("N")[..12];
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-standby-" + id);
        var slot = "gnbv_test_" + id;
        var standby = new HotStandby(bin, dir, slot, FreePort(), server);
        try
        {
            // -C -S: a slot made with the copy; -c fast: checkpoint now rather than spread over minutes.
            await standby.RunAsync("pg_basebackup", "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", server.Username!, "-D", dir, "-R", "-X", "stream", "-c", "fast", "-C", "-S", slot);
            var options = $"-p {standby.Port} -k {dir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off " +
                string.Join(" ", settings.Select(s => $"-c {s.Key}={s.Value}"));
            await standby.RunAsync("pg_ctl", "-D", dir, "-o", options, "-l", Path.Combine(dir, "standby.log"), "-w", "-t", "30", "start");
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }
        return standby;
    }

    /// <summary>A connection string to a database on the standby (read-only: it is in recovery).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Host = "127.0.0.1", Port = Port, Database = database, Pooling = false }.ConnectionString;

    /// <summary>Waits until the standby has replayed everything the primary had written when called.</summary>
    public async Task WaitForReplayAsync(TimeSpan? timeout = null)
    {
        string target;
        await using (var primary = new NpgsqlConnection(_server.ConnectionString))
        {
            await primary.OpenAsync();
            target = (await Scalar(primary, "SELECT pg_current_wal_lsn()::text"))!.ToString()!;
        }
        await using var standby = new NpgsqlConnection(ConnectionString("postgres"));
        await standby.OpenAsync();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await Scalar(standby, $"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn") is true) return;
            if (watch.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
                throw new TimeoutException($"the standby did not replay up to {target} in {watch.Elapsed.TotalSeconds:0} s");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs one statement on the standby's server (pg_wal_replay_pause() and the like).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await Scalar(connection, sql);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_dir, "postmaster.pid")))
        {
            try { await RunAsync("pg_ctl", "-D", _dir, "-m", "immediate", "-w", "stop"); }
            catch (InvalidOperationException) { }
        }
        try
        {
            await using var primary = new NpgsqlConnection(_server.ConnectionString);
            await primary.OpenAsync();
            await Scalar(primary, $"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '{_slot}'");
        }
        catch (NpgsqlException) { }
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A PostgreSQL program, as the postgres user when running as root (PostgreSQL refuses to run as root).</summary>
    private async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--" }) start.ArgumentList.Add(a);
            start.ArgumentList.Add(Path.Combine(_bin, program));
        }
        else
        {
            start.FileName = Path.Combine(_bin, program);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_dir, "standby.log");
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await stderr} {await stdout}" +
                (File.Exists(log) ? " log: " + await File.ReadAllTextAsync(log) : ""));
        }
    }
}
