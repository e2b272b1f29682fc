using System.CommandLine;
using Gnbv.Data.Units;
using Gnbv.Domain.Periods;
using Gnbv.Reports;
using Gnbv.Reports.Charts;
using Gnbv.Reports.Pdf;

namespace Gnbv.Cli.Commands;

public static class ReportCommand
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var unit = new Option<string>("--unit") { Description = "Mã hoặc tên đơn vị", Required = true };
        var period = new Option<string>("--period") { Description = "Kỳ: 2023S1, 2023...", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Tệp báo cáo .docx", Required = true };
        var forms = new Option<FileInfo?>("--forms") { Description = "Tệp biểu mẫu kèm theo .xlsx" };
        var pdf = new Option<FileInfo?>("--pdf") { Description = "Tệp PDF (cần LibreOffice)" };
        var template = new Option<FileInfo?>("--template") { Description = "Mẫu lời văn Liquid thay cho mẫu của đơn vị" };
        var readOnlyDb = new Option<string?>("--read-only-db")
        {
            Description = "Đọc số liệu từ bản sao chỉ đọc (streaming replica), không mở CSDL chính; mặc định GNBV_DB_READONLY. Bản sao có thể chậm vài giây",
        };
        var repeat = new Option<int>("--repeat") { Description = "Lập lại N lần và in thời gian (đo hiệu năng)", DefaultValueFactory = _ => 1 };
        var command = new Command("report", "Lập báo cáo kết quả thực hiện Chương trình (DOCX, XLSX, PDF) từ dữ liệu") { unit, period, output, forms, pdf, template, readOnlyDb, repeat };
        command.SetAction(async (parse, ct) =>
        {
            var p = Period.Parse(parse.GetValue(period));
            var dbOptions = options.Resolve(parse);
            if (parse.GetValue(readOnlyDb) is { Length: > 0 } replica) dbOptions.ReadOnlyConnectionString = replica;
            // A report writes nothing, so with a replica the primary is not opened (nor migrated) at all.
            var readOnly = dbOptions.ReadOnlyConnectionString is not null;
            await using var cli = readOnly ? await GlobalOptions.OpenReadOnlyAsync(dbOptions, options.Clock, ct) : await options.OpenAsync(parse, ct);
            var orgUnit = await (readOnly ? cli.GetReadOnly<UnitResolver>() : cli.Get<UnitResolver>()).ResolveAsync(parse.GetValue(unit)!, p, ct);
            var text = parse.GetValue(template) is { } t ? await File.ReadAllTextAsync(t.FullName, ct) : null;
            var service = readOnly ? cli.GetReadOnly<ReportService>() : cli.Get<ReportService>();
            var times = new List<double>();
            GeneratedReport report = null!;
            for (var i = 0; i < Math.Max(1, parse.GetValue(repeat)); i++)
            {
                report = await service.GenerateAsync(orgUnit, p, text, ct);
                times.Add(report.Elapsed.TotalMilliseconds);
            }
            await File.WriteAllBytesAsync(parse.GetValue(output)!.FullName, report.Docx, ct);
            if (parse.GetValue(forms) is { } f) await File.WriteAllBytesAsync(f.FullName, report.Xlsx, ct);
            if (parse.GetValue(pdf) is { } pdfFile) await File.WriteAllBytesAsync(pdfFile.FullName, await PdfConverter.ConvertAsync(report.Docx, ct), ct);
            foreach (var warning in report.Document.Warnings) await io.Err.WriteLineAsync(warning);
            if (!report.Document.HasData)
                await io.Err.WriteLineAsync($"Chú ý: không có số liệu của {orgUnit.Name} cho kỳ {p.Id}; báo cáo nói rõ điều này.");
            var sorted = times.Order().ToList();
            await io.Out.WriteLineAsync($"Đã lập báo cáo {orgUnit.Name} {p.Id}: {parse.GetValue(output)!.Name}" +
                (times.Count > 1 ? $" ({times.Count} lần: min {sorted[0]:0.0} ms, trung vị {sorted[sorted.Count / 2]:0.0} ms, max {sorted[^1]:0.0} ms)" : $" ({times[0]:0} ms)"));
            return 0;
        });
        return command;
    }
}
