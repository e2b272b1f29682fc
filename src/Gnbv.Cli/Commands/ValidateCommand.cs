using System.CommandLine;
using System.Text.Json;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Validation;
using Gnbv.Domain.Periods;

namespace Gnbv.Cli.Commands;

public static class ValidateCommand
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var unit = new Option<string>("--unit") { Description = "Mã hoặc tên đơn vị", Required = true };
        var period = new Option<string>("--period") { Description = "Kỳ báo cáo", Required = true };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON" };
        var command = new Command("validate", "Kiểm tra số liệu theo các quy tắc (validation rules)") { unit, period, json };
        command.SetAction(async (parse, ct) =>
        {
            var p = Period.Parse(parse.GetValue(period));
            await using var cli = await options.OpenAsync(parse, ct);
            var orgUnit = await cli.Get<UnitResolver>().ResolveAsync(parse.GetValue(unit)!, p, ct);
            var violations = await cli.Get<Validator>().RunAsync(orgUnit, p, ct);
            if (parse.GetValue(json))
                await io.Out.WriteLineAsync(JsonSerializer.Serialize(violations, ImportFileReader.Json));
            else
            {
                foreach (var v in violations)
                    await io.Out.WriteLineAsync($"[{v.Severity}] {v.Rule}: {v.Message}");
                await io.Out.WriteLineAsync($"{violations.Count} vi phạm ({violations.Count(v => v.Severity == "error")} lỗi) — {orgUnit.Name}, {p.Id}");
            }
            return 0;
        });
        return command;
    }
}
