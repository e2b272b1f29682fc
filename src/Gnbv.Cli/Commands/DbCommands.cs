using System.CommandLine;

namespace Gnbv.Cli.Commands;

public static class DbCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var migrate = new Command("migrate", "Tạo hoặc nâng cấp lược đồ CSDL và nạp danh mục chương trình (create or upgrade the schema)");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            await io.Out.WriteLineAsync($"CSDL đã cập nhật (database up to date): {options.Resolve(parse).Provider}");
            return 0;
        });
        var command = new Command("db", "Quản trị CSDL (database)");
        command.Subcommands.Add(migrate);
        return command;
    }
}
