using System.CommandLine;
using Gnbv.Cli;
using Gnbv.Domain.Time;
using Gnbv.Tools.Bench;
using Gnbv.Tools.Demo;
using Gnbv.Tools.Fuzz;

namespace Gnbv.Tools;

/// <summary>
/// gnbv-tools: what developers run around the product (benchmarks, fuzzing, synthetic data sets),
/// kept out of the operator's gnbv and of the web app. Same --db and --provider as gnbv.
/// </summary>
public static class ToolsApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("GNBV tools: đo hiệu năng, thử bộ đọc, dữ liệu giả lập (bench, fuzz, synthetic data; not for operators)");
        options.AddTo(root);
        var io = new CliIo(stdout, stderr, clock ?? PinnedClock.FromEnvironment());
        root.Subcommands.Add(BenchCommand.Create(options, io));
        root.Subcommands.Add(FuzzCommand.Create(io));
        root.Subcommands.Add(SyntheticDemoCommands.Create(options, io));
        return CliApp.InvokeAsync(root, args, io, "gnbv-tools");
    }
}
