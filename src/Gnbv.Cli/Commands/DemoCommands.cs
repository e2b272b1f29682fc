using System.CommandLine;
using Gnbv.Data.Database;

namespace Gnbv.Cli.Commands;

public static class DemoCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var load = new Command("load", "Nạp dữ liệu mẫu huyện Bảo Lâm, 6 tháng đầu năm 2023 (load the demo dataset)");
        load.SetAction(async (parse, ct) =>
        {
            await using var db = await options.OpenAsync(parse, ct);
            foreach (var (file, result) in await DemoData.LoadAsync(db, skipIfLoaded: false, ct))
                await io.Out.WriteLineAsync($"{file}: {result.Summary()}");
            return 0;
        });
        var command = new Command("demo", "Dữ liệu mẫu (demo data)");
        command.Subcommands.Add(load);
        return command;
    }
}
