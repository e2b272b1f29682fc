using System.CommandLine;
using Gnbv.Data.Imports;

namespace Gnbv.Cli.Commands;

public static class ImportCommand
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp JSON (gnbv-import/1) hoặc CSV giá trị chỉ tiêu" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra, không ghi (check every row, write nothing)" };
        var reason = new Option<string?>("--reason") { Description = "Lý do thay đổi, ghi vào nhật ký của mọi bản ghi được sửa" };
        var command = new Command("import", "Nhập dữ liệu: tất cả hoặc không gì cả (all-or-nothing import)") { file, dryRun, reason };
        command.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists) throw new IOException($"Không tìm thấy tệp {info.FullName} (file not found)");
            var bytes = await File.ReadAllBytesAsync(info.FullName, ct);
            var package = ImportFileReader.Read(bytes, info.Name);
            if (parse.GetValue(reason) is { } why) package.Reason = why;
            await using var cli = await options.OpenAsync(parse, ct);
            var result = await cli.Get<PackageImporter>().ImportAsync(package,
                new ImportOptions(DryRun: parse.GetValue(dryRun), Source: info.Name, Sha256: ImportFileReader.Sha256(bytes)), ct);
            var prefix = result.DryRun ? "Kiểm tra xong, không ghi (dry run)" : "Đã nhập (imported)";
            await io.Out.WriteLineAsync($"{prefix}: {result.Rows} dòng. {result.Summary()}");
            return 0;
        });
        return command;
    }
}
