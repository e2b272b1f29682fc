using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Gnbv.Cli.Commands;
using Gnbv.Data.Imports;
using Gnbv.Data.Values;

namespace Gnbv.IntegrationTests.Properties;

/// <summary>
/// The values CSV and the JSON package over generated content: what the exporter writes reads back
/// field for field; arbitrary bytes give a package or an <see cref="ImportFailedException"/>, nothing else.
/// </summary>
public class ImportFilePropertyTests
{
    private const string Letters = "abcdeghiklmnoàáảãạăắđêếềộơớưứừựABCĐ";

    private static readonly Gen<string> Comment = Gen.Select(Gen.Char[Letters], Gen.String[Gen.Char[Letters + " ,;\"'\n=+-@"], 0, 60], (c, rest) => (c + rest).Trim());

    private static readonly Gen<StoredValue> Values = Gen.Select(
        Gen.OneOf<string>("CS.TD_HO_NGHEO_LUOT", "DA5.HO_XAY_MOI", "DA1"), Gen.OneOf<string>("2023", "2023S1", "2024Q3", "202305", "2021-2025"),
        Gen.OneOf<string>("90101", "042", "01294"), Gen.OneOf<string>("total", "poor", "near-poor"),
        Gen.Decimal[-1_000_000_000m, 1_000_000_000m].Select(d => Math.Round(d, 3)), Comment.Null(),
        (de, pe, ou, dis, value, comment) => new StoredValue(de, pe, ou, dis, value.ToString(CultureInfo.InvariantCulture), comment, "x", DateTime.UnixEpoch, 1));

    [Fact]
    public void ValuesCsv_AsExported_ReadsBackFieldForFieldWithItsLine()
    {
        Values.Array[0, 20].Sample(values =>
        {
            var csv = ExportCommands.ToCsv(values);
            var rows = ImportFileReader.ReadCsv(Encoding.UTF8.GetBytes(csv)).DataValues!;
            rows.Count.ShouldBe(values.Length);
            var line = 2;
            foreach (var (v, r) in values.Zip(rows))
            {
                (r.DataElement, r.Period, r.OrgUnit, r.Disaggregation, r.Value).ShouldBe((v.DataElement, v.Period, v.OrgUnit, v.Disaggregation, v.Value));
                // A negative figure stays a number; only text is kept from being read as a formula.
                decimal.Parse(r.Value!, CultureInfo.InvariantCulture).ShouldBe(decimal.Parse(v.Value, CultureInfo.InvariantCulture));
                // Neutralised against formulas in the file, the comment reads back as it was (issue 15 item 7).
                (r.Comment ?? "").ShouldBe(v.Comment ?? "");
                r.Line.ShouldBe(line++);
            }
        }, iter: 300);
    }

    [Fact]
    public void ValuesCsv_CommentWithLineBreak_NextRowNamedByItsSpreadsheetRow()
    {
        // Shrunk counter-example: the row after a two-line comment was named row 4 (the physical line) instead of 3.
        var csv = "dataElement,period,orgUnit,value,comment\nDA1,2023,90101,1,\"a\nb\"\nDA1,2023,90102,2,\n";
        ImportFileReader.ReadCsv(Encoding.UTF8.GetBytes(csv)).DataValues!.Select(r => r.Line).ShouldBe([2, 3]);
    }

    [Fact]
    public void JsonPackage_Serialized_ReadsBackTheSame()
    {
        Gen.Select(Values.Array[0, 10], Comment.Array[0, 4], (values, subjects) => new ImportPackage
        {
            Format = "gnbv-import/1",
            DataValues = [.. values.Select(v => new DataValueRow { DataElement = v.DataElement, Period = v.Period, OrgUnit = v.OrgUnit, Disaggregation = v.Disaggregation, Value = v.Value, Comment = v.Comment })],
            Documents = [.. subjects.Select((s, i) => new DocumentRow { Number = $"{i}/QĐ-UBND", Kind = "QD", Date = "2023-01-05", IssuerName = s, Subject = s })],
        }).Sample(package =>
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(package, ImportFileReader.Json);
            var back = ImportFileReader.ReadJson(json);
            JsonSerializer.Serialize(back, ImportFileReader.Json).ShouldBe(Encoding.UTF8.GetString(json));
        }, iter: 300);
    }

    [Fact]
    public void Read_ArbitraryBytes_GivesAPackageOrAnImportError()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Bool).Sample((bytes, csv) =>
        {
            try
            {
                ImportFileReader.Read(bytes, csv ? "values.csv" : "package.json");
            }
            catch (ImportFailedException e)
            {
                e.Errors.ShouldNotBeEmpty();
            }
        }, iter: 2000);
    }
}
