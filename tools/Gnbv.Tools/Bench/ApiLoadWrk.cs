using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gnbv.Tools.Bench;

/// <summary>Runs wrk as its own process and reads its report.</summary>
internal static partial class ApiLoadWrk
{
    /// <summary>wrk on the PATH, or a clear error saying how to install it.</summary>
    public static string Find()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return dirs.Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("api-load: wrk không có trên máy (wrk is not installed): apt-get install wrk");
    }

    public static async Task<ApiLoadResult> RunAsync(string wrk, string url, string script, ApiLoadOptions options, TextWriter log, CancellationToken ct)
    {
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[
            "-t", options.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", Math.Max(1, (int)Math.Round(options.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", Math.Max(1, (int)Math.Round(options.Timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--latency", "-s", script, url])
            start.ArgumentList.Add(arg);
        await log.WriteLineAsync("api-load: wrk " + string.Join(' ', start.ArgumentList.Select(a => a == script ? "api-load.lua" : a)));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("api-load: wrk did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        var output = await stdout;
        await log.WriteAsync(output);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"api-load: wrk exited with {process.ExitCode}: {(await stderr).Trim()}");
        return Parse(output, options.Connections);
    }

    /// <summary>Reads wrk's --latency report (and the script's own count of non-2xx answers).</summary>
    public static ApiLoadResult Parse(string output, int connections)
    {
        var requests = RequestsLine().Match(output);
        var rate = RateLine().Match(output);
        if (!requests.Success || !rate.Success) throw new InvalidOperationException("api-load: wrk's report has no requests line:\n" + output);
        var socket = SocketErrorsLine().Match(output);
        long socketErrors = socket.Success
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        var wrkNon2xx = Non2xxLine().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var scriptNon2xx = ScriptNon2xxLine().Match(output) is { Success: true } s ? long.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new ApiLoadResult(
            RequestsPerSecond: double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            P50Ms: Percentile(output, "50"),
            P99Ms: Percentile(output, "99"),
            Requests: long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            Errors: Math.Max(wrkNon2xx, scriptNon2xx) + socketErrors,
            Connections: connections,
            Seconds: Milliseconds(requests.Groups[2].Value, requests.Groups[3].Value) / 1000);
    }

    private static double Percentile(string output, string percent)
    {
        var m = Regex.Match(output, @"^\s*" + percent + @"(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!m.Success) throw new InvalidOperationException($"api-load: wrk's report has no {percent}% latency (was --latency given?):\n" + output);
        return Milliseconds(m.Groups[1].Value, m.Groups[2].Value);
    }

    private static double Milliseconds(string number, string unit) => double.Parse(number, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => throw new InvalidOperationException($"api-load: unknown time unit '{unit}' in wrk's report"),
    };

    [GeneratedRegex(@"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h),", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"^gnbv-non-2xx: (\d+)", RegexOptions.Multiline)]
    private static partial Regex ScriptNon2xxLine();
}
