using System.Runtime.InteropServices;
using Npgsql;

namespace Gnbv.Tools.Bench;

/// <summary>What the numbers were measured on.</summary>
public sealed record MachineInfo(int Cores, string Cpu, long MemoryBytes, string Os, string Runtime, string Postgres)
{
    public static async Task<MachineInfo> ReadAsync(string connection, CancellationToken ct)
    {
        string postgres;
        await using (var conn = new NpgsqlConnection(connection))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', shared_buffers=' || current_setting('shared_buffers')", conn);
            postgres = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        return new MachineInfo(Environment.ProcessorCount, Field("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
            long.TryParse(Field("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0], out var kb) ? kb * 1024 : 0,
            Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, postgres);
    }

    static string? Field(string file, string name, char separator)
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            var i = line.IndexOf(separator);
            if (i > 0 && line[..i].Trim() == name) return line[(i + 1)..].Trim();
        }
        return null;
    }
}
