using System.CommandLine;
using System.Globalization;
using Gnbv.Data.Backup;
using Gnbv.Data.Database;

namespace Gnbv.Cli.Commands;

/// <summary>gnbv backup and gnbv restore: the whole database as one portable file, SQLite or PostgreSQL either way.</summary>
public static class BackupCommands
{
    public static Command Backup(GlobalOptions options, CliIo io)
    {
        var output = new Option<FileInfo>("--out") { Description = "Tệp sao lưu (.zip) sẽ ghi", Required = true };
        var command = new Command("backup", "Sao lưu toàn bộ CSDL vào một tệp (back up every table, in one consistent snapshot)") { output };
        command.SetAction(async (parse, ct) =>
        {
            // Not OpenAsync: a backup reads, it neither migrates nor seeds the database it copies.
            await using var cli = CliServices.Create(options.Resolve(parse), options.Clock);
            var file = parse.GetValue(output)!;
            var manifest = await cli.Get<BackupWriter>().WriteAsync(file.FullName, ct);
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Đã sao lưu {manifest.Tables.Count} bảng, {manifest.TotalRows} dòng (lược đồ {manifest.Migration}) vào {file.FullName}"));
            return 0;
        });
        return command;
    }

    public static Command Restore(GlobalOptions options, CliIo io)
    {
        var input = new Argument<FileInfo>("FILE") { Description = "Tệp sao lưu do gnbv backup tạo" };
        var force = new Option<bool>("--force") { Description = "Xóa dữ liệu đang có trong CSDL đích rồi thay bằng bản sao lưu" };
        var command = new Command("restore", "Khôi phục CSDL từ tệp sao lưu, tất cả hoặc không (restore a backup, all or nothing)") { input, force };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = CliServices.Create(options.Resolve(parse), options.Clock);
            var file = parse.GetValue(input)!;
            var result = await cli.Get<BackupRestorer>().RestoreAsync(file.FullName, parse.GetValue(force), ct);
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Đã khôi phục {result.Manifest.Tables.Count} bảng, {result.Rows} dòng từ {file.Name} (sao lưu lúc {result.Manifest.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC, {result.Manifest.Provider})"));
            return 0;
        });
        return command;
    }
}
