using System.CommandLine;
using Gnbv.Cli.Commands;
using Gnbv.Data.Imports;
using Gnbv.Domain;
using Gnbv.Domain.Time;

namespace Gnbv.Cli;

/// <summary>The gnbv command line: the same services as the web API, for scripts and operators.</summary>
public static class CliApp
{
    /// <param name="clock">The clock every date decision reads; null: the system clock, or the instant
    /// pinned by GNBV_TEST_NOW (test-only). In-process tests pass a pinned one.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null)
    {
        try
        {
            clock ??= PinnedClock.FromEnvironment();
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync("gnbv: " + e.Message);
            return 2;
        }
        var options = new GlobalOptions { Clock = clock };
        var root = new RootCommand("GNBV: dữ liệu, báo cáo Chương trình MTQG giảm nghèo bền vững (monitoring and reporting)");
        options.AddTo(root);
        var io = new CliIo(stdout, stderr, clock);
        root.Subcommands.Add(DbCommands.Create(options, io));
        root.Subcommands.Add(DemoCommands.Create(options, io));
        root.Subcommands.Add(ImportCommand.Create(options, io));
        root.Subcommands.Add(ExportCommands.Create(options, io));
        root.Subcommands.Add(UserCommands.Create(options, io));
        root.Subcommands.Add(ReportCommand.Create(options, io));
        root.Subcommands.Add(ValidateCommand.Create(options, io));
        root.Subcommands.Add(AuditCommand.Create(options, io));
        root.Subcommands.Add(ClassifyCommand.Create(options, io));
        root.Subcommands.Add(HouseholdCommands.Create(options, io));
        root.Subcommands.Add(BackupCommands.Backup(options, io));
        root.Subcommands.Add(BackupCommands.Restore(options, io));
        return await InvokeAsync(root, args, io, "gnbv");
    }

    /// <summary>
    /// Parses and runs a command tree; an expected failure (a bad file, a refused write, a database
    /// error) is one line on stderr prefixed with <paramref name="name"/> and exit code 1. Shared
    /// with gnbv-tools, so both programs fail the same way.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, CliIo io, string name)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(io);
        var stderr = io.Err;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"{name}: " + string.Join("; ", parse.Errors.Select(e => e.Message)));
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (ImportFailedException e)
        {
            await stderr.WriteLineAsync($"{name}: " + e.Message);
            foreach (var error in e.Errors.Skip(1).Take(50)) await stderr.WriteLineAsync("  " + error);
            return 1;
        }
        catch (ImportForbiddenException e)
        {
            await stderr.WriteLineAsync($"{name}: " + e.Message);
            return 1;
        }
        catch (System.Data.Common.DbException e)
        {
            // A database that went away mid-command (the start is caught in OpenAsync with the setting to fix).
            await stderr.WriteLineAsync($"{name}: Lỗi CSDL (database error): " + e.Message.ReplaceLineEndings(" "));
            return 1;
        }
        catch (Exception e) when (e is DomainException or ArgumentException or InvalidOperationException or IOException)
        {
            await stderr.WriteLineAsync($"{name}: " + e.Message.ReplaceLineEndings(" "));
            return 1;
        }
    }
}

/// <summary>What every command writes to, and the one clock it reads "now" and "today in Vietnam" from.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Err, TimeProvider Clock);
