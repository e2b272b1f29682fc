using System.CommandLine;
using System.Globalization;
using Gnbv.Cli;
using Gnbv.TestData.Fuzz;

namespace Gnbv.Tools.Fuzz;

/// <summary><c>gnbv-tools fuzz</c>: runs <see cref="ImportFuzzer"/> on one parser or all; exit 1 when an input crashed a parser.</summary>
public static class FuzzCommand
{
    public static Command Create(CliIo io)
    {
        var parser = new Option<string>("--parser") { Description = $"all | {string.Join(" | ", ImportFuzzer.Parsers)}", DefaultValueFactory = _ => "all" };
        parser.AcceptOnlyFromAmong([.. ImportFuzzer.Parsers, "all"]);
        var iterations = new Option<long>("--iterations") { Description = "Số tệp thử cho mỗi bộ đọc (inputs per parser; the same seed and count try the same inputs)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (random seed)", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Thư mục lưu tệp gây lỗi (where crashing inputs are saved)", DefaultValueFactory = _ => new DirectoryInfo("fuzz-crashes") };
        var seeds = new Option<DirectoryInfo?>("--seeds") { Description = "Thư mục tệp mẫu thêm (more seed files; .csv, .xlsx, .json by parser)" };
        var command = new Command("fuzz", "Thử các bộ đọc tệp nhập bằng tệp hỏng ngẫu nhiên; lỗi ngoài lỗi nhập là hỏng (fuzz the import parsers)")
            { parser, iterations, seed, output, seeds };
        command.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(parser) is "all" or null ? ImportFuzzer.Parsers : [parse.GetValue(parser)!];
            var crashed = 0;
            foreach (var p in chosen)
            {
                var extension = p switch { "households-xlsx" => ".xlsx", "package-json" => ".json", _ => ".csv" };
                var extra = parse.GetValue(seeds) is { Exists: true } dir
                    ? dir.EnumerateFiles("*" + extension).Select(f => File.ReadAllBytes(f.FullName)).ToList()
                    : [];
                var result = ImportFuzzer.Run(p, parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(output)!.FullName, extra);
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{p}: {result.Iterations} inputs, {result.Crashes.Count} crashes"));
                foreach (var c in result.Crashes) await io.Err.WriteLineAsync($"  {c.Exception.ReplaceLineEndings(" ")} -> {c.SavedTo}");
                crashed += result.Crashes.Count;
            }
            return crashed == 0 ? 0 : 1;
        });
        return command;
    }
}
