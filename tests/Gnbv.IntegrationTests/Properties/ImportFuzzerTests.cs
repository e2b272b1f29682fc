using Gnbv.TestData.Fuzz;

namespace Gnbv.IntegrationTests.Properties;

/// <summary>
/// A short run of the fuzzing harness on each import parser, a fixed number of inputs from a fixed
/// seed, so every machine tries the same ones; the long run is <c>gnbv-tools fuzz --iterations N</c>.
/// </summary>
public class ImportFuzzerTests
{
    // About a second of work each on an idle 2-core machine (an XLSX input is re-zipped, ten times the cost of a CSV one).
    [Theory]
    [InlineData("households-csv", 4000)]
    [InlineData("households-xlsx", 500)]
    [InlineData("package-json", 4000)]
    [InlineData("values-csv", 4000)]
    public void Fuzz_FixedInputs_NoParserThrowsAnythingButAnImportError(string parser, int iterations)
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-fuzz-" + Guid.NewGuid().ToString("N"));
        var result = ImportFuzzer.Run(parser, iterations, seed: 8, dir);
        result.Iterations.ShouldBe(iterations);
        result.Crashes.ShouldBeEmpty(string.Join("; ", result.Crashes.Select(c => $"{c.Exception} ({c.SavedTo})")));
    }

    [Fact]
    public void ValuesCsv_ShortRow_IsARowErrorNotACrash()
    {
        // Found by the fuzzer: a row with fewer fields than the header threw CsvHelper's MissingFieldException.
        // Now the reader counts the fields and names the row, as it does for a row with too many.
        var e = Should.Throw<Gnbv.Data.Imports.ImportFailedException>(() =>
            Gnbv.Data.Imports.ImportFileReader.ReadCsv("dataElement,period,orgUnit,value\nDA1,2023\n"u8.ToArray()));
        var error = e.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("dòng có 2 cột, dòng tiêu đề có 4 cột");
    }

    [Fact]
    public void Fuzz_SameSeedAndCount_TriesTheSameInputs()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-fuzz-" + Guid.NewGuid().ToString("N"));
        List<string> Inputs(int seed)
        {
            var seen = new List<string>();
            ImportFuzzer.Run("test", bytes => seen.Add(Convert.ToHexString(bytes)), [[1, 2, 3, 4, 5, 6, 7, 8]], iterations: 200, seed, dir);
            return seen;
        }
        var first = Inputs(3);
        first.Count.ShouldBe(200);
        Inputs(3).ShouldBe(first);
        Inputs(4).ShouldNotBe(first);
    }

    [Fact]
    public void Fuzz_TargetThatCrashes_IsReportedAndItsInputSaved()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-fuzz-" + Guid.NewGuid().ToString("N"));
        var result = ImportFuzzer.Run("test", bytes =>
        {
            if (bytes.Length < 5) throw new IndexOutOfRangeException("short");
            throw new Gnbv.Data.Imports.ImportFailedException([]);
        }, [[1, 2, 3, 4, 5, 6, 7, 8]], iterations: 300, seed: 1, dir);
        result.Crashes.ShouldNotBeEmpty();
        foreach (var crash in result.Crashes)
        {
            crash.Exception.ShouldStartWith("IndexOutOfRangeException");
            File.ReadAllBytes(crash.SavedTo).Length.ShouldBeLessThan(5);
        }
        Directory.Delete(dir, recursive: true);
    }
}
