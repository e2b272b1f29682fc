using Gnbv.Cli.Fuzz;

namespace Gnbv.IntegrationTests.Properties;

/// <summary>A short run of the fuzzing harness on each import parser; the long run is <c>gnbv fuzz --seconds N</c>.</summary>
public class ImportFuzzerTests
{
    [Theory]
    [InlineData("households-csv")]
    [InlineData("households-xlsx")]
    [InlineData("package-json")]
    [InlineData("values-csv")]
    public void Fuzz_OneSecond_NoParserThrowsAnythingButAnImportError(string parser)
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-fuzz-" + Guid.NewGuid().ToString("N"));
        var result = ImportFuzzer.Run(parser, TimeSpan.FromSeconds(1), seed: 8, dir);
        result.Iterations.ShouldBeGreaterThan(0);
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
    public void Fuzz_TargetThatCrashes_IsReportedAndItsInputSaved()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-fuzz-" + Guid.NewGuid().ToString("N"));
        var result = ImportFuzzer.Run("test", bytes =>
        {
            if (bytes.Length < 5) throw new IndexOutOfRangeException("short");
            throw new Gnbv.Data.Imports.ImportFailedException([]);
        }, [[1, 2, 3, 4, 5, 6, 7, 8]], TimeSpan.FromMilliseconds(300), seed: 1, dir);
        result.Crashes.ShouldNotBeEmpty();
        foreach (var crash in result.Crashes)
        {
            crash.Exception.ShouldStartWith("IndexOutOfRangeException");
            File.ReadAllBytes(crash.SavedTo).Length.ShouldBeLessThan(5);
        }
        Directory.Delete(dir, recursive: true);
    }
}
