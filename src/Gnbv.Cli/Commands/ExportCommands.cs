using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Periods;

namespace Gnbv.Cli.Commands;

public static class ExportCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var unit = new Option<string>("--unit") { Description = "Mã hoặc tên đơn vị (unit code or exact name)", Required = true };
        var period = new Option<string>("--period") { Description = "Kỳ: 2023, 2023S1, 2023Q2, 202305, 2021-2025", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Tệp kết quả; mặc định in ra màn hình (stdout)" };
        var format = new Option<string>("--format") { Description = "json | csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var values = new Command("values", "Xuất số liệu của đơn vị và kỳ, cộng dồn từ đơn vị cấp dưới (export figures rolled up)")
        {
            unit, period, output, format,
        };
        values.SetAction(async (parse, ct) =>
        {
            var p = Period.Parse(parse.GetValue(period));
            await using var cli = await options.OpenAsync(parse, ct);
            var orgUnit = await cli.Get<UnitResolver>().ResolveAsync(parse.GetValue(unit)!, p, ct);
            string text;
            int count;
            if (parse.GetValue(format) == "csv")
            {
                var stored = await cli.Get<StoredValues>().ListAsync(orgUnit, p, children: true, ct);
                (text, count) = (ToCsv(stored), stored.Count);
            }
            else
            {
                var export = await cli.Get<ValueExporter>().ExportAsync(orgUnit, p, ct);
                (text, count) = (JsonSerializer.Serialize(export, ImportFileReader.Json), export.DataValues.Count);
            }
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, new UTF8Encoding(false), ct);
                await io.Err.WriteLineAsync($"Đã ghi {count} giá trị vào {file.FullName}");
            }
            else
            {
                await io.Out.WriteAsync(text);
                await io.Out.WriteLineAsync();
            }
            return 0;
        });
        var command = new Command("export", "Xuất dữ liệu (export)");
        command.Subcommands.Add(values);
        return command;
    }

    /// <summary>
    /// The stored values (each under its own unit and period, not rolled up) in the CSV import
    /// layout, so that an export can be edited and imported again without counting anything twice.
    /// </summary>
    public static string ToCsv(IEnumerable<StoredValue> values)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in ImportFileReader.CsvColumns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var v in values)
        {
            csv.WriteField(CsvSafe.Neutralise(v.DataElement));
            csv.WriteField(CsvSafe.Neutralise(v.Period));
            csv.WriteField(CsvSafe.Neutralise(v.OrgUnit));
            csv.WriteField(CsvSafe.Neutralise(v.Disaggregation));
            csv.WriteField(v.Value);
            csv.WriteField(CsvSafe.Neutralise(v.Comment));
            csv.NextRecord();
        }
        csv.Flush();
        return writer.ToString();
    }
}
