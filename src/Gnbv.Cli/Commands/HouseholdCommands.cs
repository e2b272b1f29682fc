using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Domain.Formatting;
using Gnbv.Reports.Households;

namespace Gnbv.Cli.Commands;

public static class HouseholdCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var command = new Command("households", "Sổ hộ nghèo, cận nghèo: mẫu, nhập, số liệu (household registry)");
        command.Subcommands.Add(Template(io));
        command.Subcommands.Add(Import(options, io));
        command.Subcommands.Add(SupportImport(options, io));
        command.Subcommands.Add(Export(options, io));
        command.Subcommands.Add(Publish(options, io));
        command.Subcommands.Add(Transitions(options, io));
        return command;
    }

    static Command Template(CliIo io)
    {
        var output = new Option<FileInfo>("--out") { Description = "Tệp mẫu: .xlsx (mặc định) hoặc .csv", DefaultValueFactory = _ => new FileInfo("mau-danh-sach-ho.xlsx") };
        var support = new Option<bool>("--support") { Description = "Mẫu danh sách hỗ trợ đã nhận (thay cho danh sách hộ)" };
        var command = new Command("template", "Tải mẫu danh sách hộ để xã điền (blank household list)") { output, support };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            var columns = parse.GetValue(support) ? SupportColumns.All : HouseholdColumns.All;
            if (file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                await using var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(true));
                HouseholdTemplate.WriteCsv(writer, columns);
            }
            else
            {
                await using var stream = File.Create(file.FullName);
                HouseholdTemplate.WriteXlsx(stream, columns);
            }
            await io.Out.WriteLineAsync($"Đã ghi mẫu (template written): {file.Name}");
            return 0;
        });
        return command;
    }

    static Command Import(GlobalOptions options, CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Danh sách hộ .csv hoặc .xlsx, mỗi thành viên một dòng" };
        var year = new Option<int?>("--year") { Description = "Năm rà soát khi tệp không có cột Năm rà soát" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra, không ghi" };
        var reason = new Option<string?>("--reason") { Description = "Lý do, ghi vào nhật ký" };
        var errors = new Option<FileInfo?>("--errors") { Description = "Ghi mọi lỗi ra tệp CSV (dòng, cột, lỗi)" };
        var quiet = new Option<bool>("--quiet") { Description = "Không hiện thanh tiến độ" };
        var json = new Option<bool>("--json") { Description = "In kết quả (số dòng, thời gian từng bước, bộ nhớ đỉnh) dạng JSON" };
        var command = new Command("import", "Nhập danh sách hộ: tất cả hoặc không gì cả; nhập lại thì cập nhật, không trùng") { file, year, dryRun, reason, errors, quiet, json };
        command.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists) throw new IOException($"Không tìm thấy tệp {info.FullName} (file not found)");
            await using var cli = await options.OpenAsync(parse, ct);
            await using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var bar = parse.GetValue(quiet) ? null : new ProgressBar(io.Err);
            try
            {
                var result = await cli.Get<HouseholdImporter>().ImportAsync(stream, info.Name,
                    new HouseholdImportOptions(Actor.System, parse.GetValue(year), parse.GetValue(dryRun), Source: info.Name, Reason: parse.GetValue(reason)),
                    bar, ct);
                bar?.Done();
                if (parse.GetValue(json))
                {
                    await io.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new
                    {
                        rows = result.Rows,
                        households = result.Households,
                        created = result.Created,
                        updated = result.Updated,
                        seconds = result.Elapsed.TotalSeconds,
                        stages = result.Stages,
                        peak_memory_bytes = PeakMemory.Bytes(),
                    }));
                    return 0;
                }
                await io.Out.WriteLineAsync($"{(result.DryRun ? "Kiểm tra xong, không ghi (dry run)" : "Đã nhập (imported)")}: {result.Summary()} trong {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
                await io.Out.WriteLineAsync("  " + string.Join(", ", result.Stages.Select(kv => $"{kv.Key} {kv.Value.ToString("0.0", CultureInfo.InvariantCulture)} s")));
                foreach (var w in result.Warnings.Take(20)) await io.Out.WriteLineAsync("  cảnh báo: " + w);
                return 0;
            }
            catch (Exception e) when (e is ImportFailedException or ImportForbiddenException)
            {
                bar?.Done();
                var list = e is ImportFailedException f ? f.Errors : ((ImportForbiddenException)e).Errors;
                if (parse.GetValue(errors) is { } errorFile)
                {
                    await using var w = new StreamWriter(errorFile.FullName, false, new UTF8Encoding(true));
                    await w.WriteLineAsync("dong,cot,loi");
                    foreach (var err in list)
                        await w.WriteLineAsync($"{err.Line},{CsvSafe.Neutralise(err.Field)},\"{CsvSafe.Neutralise(err.Message)?.Replace("\"", "\"\"")}\"");
                    await io.Err.WriteLineAsync($"gnbv: {list.Count} lỗi ghi vào {errorFile.Name}");
                }
                throw;
            }
        });
        return command;
    }

    static Command SupportImport(GlobalOptions options, CliIo io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Danh sách hỗ trợ .csv hoặc .xlsx: mã hộ, mã xã, số CCCD, loại hỗ trợ, dự án, nguồn vốn, số tiền, số lượng, ngày, ghi chú" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra, không ghi" };
        var reason = new Option<string?>("--reason") { Description = "Lý do, ghi vào nhật ký" };
        var command = new Command("support", "Nhập danh sách hộ, thành viên đã nhận hỗ trợ; số lượt và số tiền vào số liệu báo cáo theo tháng") { file, dryRun, reason };
        command.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists) throw new IOException($"Không tìm thấy tệp {info.FullName} (file not found)");
            await using var cli = await options.OpenAsync(parse, ct);
            await using var stream = File.OpenRead(info.FullName);
            var r = await cli.Get<SupportImporter>().ImportAsync(stream, info.Name, Actor.System, parse.GetValue(dryRun), parse.GetValue(reason), ct);
            await io.Out.WriteLineAsync($"{(parse.GetValue(dryRun) ? "Kiểm tra xong, không ghi (dry run)" : "Đã nhập (imported)")}: {r.Rows} dòng hỗ trợ: thêm {r.Created}, sửa {r.Updated}; {r.FiguresWritten} số liệu tháng tính lại");
            return 0;
        });
        return command;
    }

    static Command Export(GlobalOptions options, CliIo io)
    {
        var unit = new Option<string>("--unit") { Description = "Đơn vị", Required = true };
        var year = new Option<int?>("--year") { Description = "Năm rà soát in kèm kết quả" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp CSV", Required = true };
        var command = new Command("export", "Xuất danh sách hộ (mỗi thành viên một dòng, nhập lại được); mỗi lần xuất được ghi nhật ký") { unit, year, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var y = parse.GetValue(year);
            var u = await cli.Get<UnitResolver>().ResolveAsync(parse.GetValue(unit)!, y is { } yy ? Domain.Periods.Period.Year(yy) : null, ct);
            var plan = await cli.Get<HouseholdExporter>().LogAsync(Actor.System, u, y, ct);
            await using var writer = new StreamWriter(parse.GetValue(output)!.FullName, false, new UTF8Encoding(true));
            var rows = await cli.Get<HouseholdExporter>().WriteCsvAsync(plan, writer, ct);
            await io.Out.WriteLineAsync($"Đã xuất {rows} dòng, {plan.Households} hộ của {u.Name} (ghi nhật ký)");
            return 0;
        });
        return command;
    }

    static Command Publish(GlobalOptions options, CliIo io)
    {
        var year = new Option<int>("--year") { Description = "Năm rà soát", Required = true };
        var command = new Command("publish", "Tính lại số liệu từ sổ hộ vào kho chỉ tiêu (hộ nghèo, tỷ lệ, thoát nghèo...) cho một năm") { year };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var r = await cli.Get<RegistryPublisher>().PublishAsync(parse.GetValue(year), ct);
            await io.Out.WriteLineAsync($"Năm {r.Year}: {r.Units} đơn vị; thêm {r.Inserted}, sửa {r.Updated}, bỏ {r.Deleted} số liệu");
            return 0;
        });
        return command;
    }

    static Command Transitions(GlobalOptions options, CliIo io)
    {
        var unit = new Option<string>("--unit") { Description = "Đơn vị", Required = true };
        var year = new Option<int>("--year") { Description = "Năm rà soát (so với năm trước)", Required = true };
        var json = new Option<bool>("--json") { Description = "In JSON" };
        var command = new Command("transitions", "Biến động hộ nghèo: đầu kỳ + tăng - giảm = cuối kỳ") { unit, year, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var y = parse.GetValue(year);
            var u = await cli.Get<UnitResolver>().ResolveAsync(parse.GetValue(unit)!, Domain.Periods.Period.Year(y), ct);
            var c = await cli.Get<RegistryFigures>().ForUnitAsync(u, y, ct)
                ?? throw new Domain.DomainException($"{u.Name} chưa có sổ hộ cho năm {y} (no registry)");
            if (parse.GetValue(json))
                await io.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    unit = u.Code,
                    year = y,
                    poorStart = c.PoorBefore,
                    entered = c.EnteredPoor,
                    newlyPoor = c.NewlyPoor,
                    fellBack = c.FellBack,
                    exited = c.ExitedPoor,
                    escaped = c.Escaped,
                    leftRegistry = c.LeftRegistryPoor,
                    poorEnd = c.PoorAfter,
                    nearPoorToPoor = c.NearPoorToPoor,
                    poorToNearPoor = c.PoorToNearPoor,
                    nearPoorStart = c.NearPoorBefore,
                    nearPoorEnd = c.NearPoorAfter,
                    households = c.Total(0),
                    poorRate = RegistryCounts.Rate(c.PoorAfter, c.Total(0)),
                }, ImportFileReader.Json));
            else
            {
                await io.Out.WriteLineAsync($"{u.Name}, rà soát năm {y} so với {y - 1}:");
                await io.Out.WriteLineAsync($"  Hộ nghèo đầu kỳ {VnFormat.Number(c.PoorBefore)} + tăng {VnFormat.Number(c.EnteredPoor)} (phát sinh {VnFormat.Number(c.NewlyPoor)}, tái nghèo {VnFormat.Number(c.FellBack)}) - giảm {VnFormat.Number(c.ExitedPoor)} (thoát nghèo {VnFormat.Number(c.Escaped)}, ra khỏi sổ {VnFormat.Number(c.LeftRegistryPoor)}) = cuối kỳ {VnFormat.Number(c.PoorAfter)}");
                await io.Out.WriteLineAsync($"  Tỷ lệ hộ nghèo {VnFormat.Percent(RegistryCounts.Rate(c.PoorAfter, c.Total(0)))} trên {VnFormat.Number(c.Total(0))} hộ; cận nghèo → nghèo {VnFormat.Number(c.NearPoorToPoor)}, nghèo → cận nghèo {VnFormat.Number(c.PoorToNearPoor)}");
            }
            return 0;
        });
        return command;
    }
}

/// <summary>A one-line progress bar on stderr, redrawn in place.</summary>
public sealed class ProgressBar(TextWriter writer) : IProgress<HouseholdImportProgress>
{
    int lastPercent = -1;
    string lastStage = "";

    public void Report(HouseholdImportProgress p)
    {
        var percent = p.BytesTotal > 0 ? (int)(100 * p.BytesRead / p.BytesTotal) : 0;
        if (percent == lastPercent && p.Stage == lastStage) return;
        lastPercent = percent;
        lastStage = p.Stage;
        var filled = percent / 5;
        var stage = p.Stage switch { "read" => "đọc, phân loại", "check" => "kiểm tra trùng", "merge" => "ghi vào sổ", _ => "tính số liệu" };
        writer.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}% {p.Rows:N0} dòng, {p.Households:N0} hộ - {stage}   ");
    }

    public void Done() => writer.WriteLine();
}
