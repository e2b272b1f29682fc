using System.CommandLine;
using System.Text.Json;
using Gnbv.Data.Audit;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Cli.Commands;

public static class AuditCommand
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var entity = new Option<string?>("--entity") { Description = "value, allocation, disbursement, work, document, report-section, report-template, submission" };
        var key = new Option<string?>("--key") { Description = "Khóa của bản ghi (mã công trình, số văn bản, đơn vị/kỳ/chỉ tiêu.phân tổ...)" };
        var unit = new Option<string?>("--unit") { Description = "Chỉ các bản ghi của đơn vị này và cấp dưới" };
        var limit = new Option<int>("--limit") { Description = "Số thay đổi tối đa, mới nhất trước", DefaultValueFactory = _ => 10_000 };
        var json = new Option<bool>("--json") { Description = "In JSON thay vì CSV" };
        var output = new Option<FileInfo?>("--out") { Description = "Ghi ra tệp thay vì màn hình" };
        var command = new Command("audit", "Xuất nhật ký thay đổi (ai, khi nào, cũ, mới, lý do), CSV hoặc JSON") { entity, key, unit, limit, json, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var db = cli.Db;
            IQueryable<int>? scope = null;
            if (parse.GetValue(unit) is { } u)
            {
                var orgUnit = await cli.Get<UnitResolver>().ResolveAsync(u, null, ct);
                scope = db.OrgUnits.Where(x => x.Path.StartsWith(orgUnit.Path)).Select(x => x.Id);
            }
            var records = await cli.Get<AuditLog>().QueryAsync(scope, includeShared: scope is null,
                new AuditQuery(parse.GetValue(entity), parse.GetValue(key), Limit: parse.GetValue(limit), Accounts: true), ct);
            var file = parse.GetValue(output);
            await using var writer = file is null ? null : new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(true));
            var target = writer ?? io.Out;
            if (parse.GetValue(json)) await target.WriteLineAsync(JsonSerializer.Serialize(records, ImportFileReader.Json));
            else AuditLog.WriteCsv(target, records);
            if (file is not null) await io.Out.WriteLineAsync($"Đã ghi {records.Count} thay đổi vào {file.Name}");
            return 0;
        });
        return command;
    }
}
