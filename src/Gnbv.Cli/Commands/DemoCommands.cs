using System.CommandLine;
using Gnbv.Data.Database;

namespace Gnbv.Cli.Commands;

/// <summary>
/// <c>gnbv demo load</c>: the Bảo Lâm demo, only into an empty database or one that holds the demo
/// already (then files already imported are skipped). Synthetic registries and countries are
/// gnbv-tools' (tools/), not the operator's.
/// </summary>
public static class DemoCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var load = new Command("load", "Nạp dữ liệu mẫu huyện Bảo Lâm, 6 tháng đầu năm 2023, vào CSDL trống (load the demo dataset into an empty database)");
        load.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            if (await DemoGuard.InspectAsync(cli.Db, ct) == DemoTarget.HoldsData)
                throw new InvalidOperationException(DemoGuard.Refusal("gnbv demo load"));
            foreach (var (file, result) in await cli.Get<DemoData>().LoadAsync(skipIfLoaded: true, ct))
                await io.Out.WriteLineAsync(result.Skipped ? $"{file}: đã nạp trước đó, bỏ qua (already loaded)" : $"{file}: {result.Summary()}");
            return 0;
        });
        var command = new Command("demo", "Dữ liệu mẫu (demo data)");
        command.Subcommands.Add(load);
        return command;
    }
}
