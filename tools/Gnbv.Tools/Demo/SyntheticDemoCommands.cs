using System.CommandLine;
using System.Globalization;
using System.Text;
using Gnbv.Cli;
using Gnbv.Data.Households;
using Gnbv.Data.Units;
using Gnbv.Domain.Periods;
using Gnbv.TestData.Households;
using Gnbv.TestData.National;

namespace Gnbv.Tools.Demo;

/// <summary>
/// <c>gnbv-tools demo households</c> and <c>demo national</c>: synthetic registries and a synthetic
/// country, marked as such, imported through the product's ordinary importers or written as files.
/// </summary>
public static class SyntheticDemoCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var command = new Command("demo", "Dữ liệu giả lập (synthetic data)");
        command.Subcommands.Add(Households(options, io));
        command.Subcommands.Add(National(options, io));
        return command;
    }

    static Command Households(GlobalOptions options, CliIo io)
    {
        var count = new Option<int>("--count") { Description = "Số hộ", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Hạt giống: cùng hạt giống, cùng dữ liệu", DefaultValueFactory = _ => 1 };
        var unit = new Option<string>("--unit") { Description = "Huyện (hoặc tỉnh) có các xã được tạo hộ", DefaultValueFactory = _ => "042" };
        var years = new Option<string>("--years") { Description = "Các năm rà soát, cách nhau dấu phẩy", DefaultValueFactory = _ => "2022,2023" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Chỉ ghi tệp CSV (households-NĂM.csv) vào thư mục này, không nhập" };
        var command = new Command("households", "Tạo sổ hộ giả lập (ghi rõ là dữ liệu giả lập) cho các xã của một huyện, rồi nhập qua đường nhập thông thường")
            { count, seed, unit, years, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var db = cli.Db;
            var roundYears = parse.GetValue(years)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(y => int.Parse(y, CultureInfo.InvariantCulture)).Order().ToList();
            if (parse.GetValue(output) is not { } dir)
            {
                foreach (var result in await DemoHouseholds.LoadAsync(db, parse.GetValue(unit)!, parse.GetValue(count), parse.GetValue(seed), [.. roundYears], null, ct))
                    await io.Out.WriteLineAsync($"{parse.GetValue(count)} hộ giả lập, năm {string.Join(", ", result.Years)}: {result.Summary()} trong {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
                return 0;
            }
            dir.Create();
            foreach (var year in roundYears)
            {
                var root = await cli.Get<UnitResolver>().ResolveAsync(parse.GetValue(unit)!, Period.Year(year), ct);
                var communes = await cli.Get<RegistryUnits>().CommunesUnderAsync(root, new DateOnly(year, 12, 31), ct);
                var path = Path.Combine(dir.FullName, $"households-{year}.csv");
                await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
                var rows = HouseholdGenerator.Write(writer, communes, parse.GetValue(count), parse.GetValue(seed), year, roundYears[0]);
                await io.Out.WriteLineAsync($"Năm {year}: {parse.GetValue(count)} hộ giả lập, {rows} dòng, {communes.Count} xã của {root.Name} -> {path}");
            }
            return 0;
        });
        return command;
    }

    static Command National(GlobalOptions options, CliIo io)
    {
        var households = new Option<int>("--households") { Description = "Số hộ trong sổ hộ cả nước (0: không tạo hộ)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Hạt giống: cùng hạt giống, cùng dữ liệu", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "Năm của số liệu và của kỳ rà soát", DefaultValueFactory = _ => 2024 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Chỉ ghi các tệp vào thư mục này, không nhập" };
        var command = new Command("national", "Tạo dữ liệu giả lập cả nước (34 tỉnh, khoảng 3.300 xã, số liệu một năm, vốn, công trình, sổ hộ) và nhập qua đường nhập thông thường")
            { households, seed, year, output };
        command.SetAction(async (parse, ct) =>
        {
            var (count, s, y) = (parse.GetValue(households), parse.GetValue(seed), parse.GetValue(year));
            if (count < 0) throw new ArgumentException("--households phải >= 0");
            if (parse.GetValue(output) is { } dir)
            {
                foreach (var step in await NationalData.WriteAsync(dir, count, s, y, ct))
                    await io.Out.WriteLineAsync($"{step.File}: {step.Summary} ({Seconds(step.Elapsed)} s)");
                return 0;
            }
            await using var cli = await options.OpenAsync(parse, ct);
            await NationalData.LoadAsync(cli.Db, count, s, y,
                step => io.Out.WriteLine($"{step.File}: {step.Summary} ({Seconds(step.Elapsed)} s)"), ct);
            return 0;
        });
        return command;
    }

    static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
