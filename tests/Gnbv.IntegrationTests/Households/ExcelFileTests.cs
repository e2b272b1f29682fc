using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>
/// Household lists as a Vietnamese Excel writes them (issue 15, item 12), their numbers (item 3) and
/// their text (item 5): each is read, or refused naming the sheet, row and column, nothing written.
/// </summary>
public abstract class ExcelFileTests(DatabaseProvider provider) : RegistryTest(provider)
{
    private static readonly string[] Header = ["Mã hộ", "Mã xã", "Thôn, bản", "Khu vực", "Dân tộc", "Năm rà soát", "Thu nhập bình quân", "Họ và tên", "Năm sinh", "Giới tính", "Quan hệ với chủ hộ"];
    private static readonly string[] Row1 = ["XL-1", "01294", "Nà Mòn", "Nông thôn", "Mông", "2023", "1.200.000", "Lý Văn Pà", "1970", "Nam", "Chủ hộ"];
    private static readonly string[] Row2 = ["XL-2", "01294", "Nà Mòn, xóm trên", "Nông thôn", "Tày", "2023", "2500000", "Nông Thị Hoa", "1985", "Nữ", "Chủ hộ"];

    private async Task<HouseholdImportResult> ImportXlsxAsync(byte[] bytes)
    {
        await using var db = Context();
        using var stream = new MemoryStream(bytes);
        return await db.Service<HouseholdImporter>().ImportAsync(stream, "danh-sach.xlsx", new HouseholdImportOptions(Actor.System));
    }

    private async Task<int> HouseholdsAsync()
    {
        await using var db = Context();
        return await db.Households.CountAsync();
    }

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains(';', StringComparison.Ordinal) ? $"\"{cell}\"" : cell;

    [Fact]
    public async Task SemicolonCsv_WhoseLinesEachHoldOneComma_IsReadWithItsSemicolons()
    {
        // Each line: ten semicolons and one comma ("Thôn, bản"; the village "Nà Mòn, xóm trên"); the
        // header's comma is not quoted, as Excel writes a cell without the separator. Was read as
        // comma-separated and refused with "unknown column".
        var csv = string.Join('\n', new[] { Header, Row1, Row2 }.Select(r => string.Join(';', r))) + "\n";
        var result = await ImportCsvAsync(csv);
        result.Households.ShouldBe(2);
        await using var db = Context();
        (await db.Households.SingleAsync(h => h.Code == "XL-2")).Village.ShouldBe("Nà Mòn, xóm trên");
    }

    [Fact]
    public async Task Xlsx_WithAnEmptyFirstSheet_AndATitleRowAboveTheHeader_IsRead_AndErrorsNameTheSheetRow()
    {
        var book = new XlsxInput("Danh sách").EmptySheetBefore("Sheet1")
            .TextRows([["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2023"], [], Header, Row1, Row2]);
        var result = await ImportXlsxAsync(book.ToBytes());
        result.Households.ShouldBe(2);

        // A header with a misspelt column, under a title: named with its sheet and row.
        var misspelt = Header.Select(h => h == "Dân tộc" ? "Dân tôc xx" : h).ToArray();
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportXlsxAsync(
            new XlsxInput("Danh sách").EmptySheetBefore("Sheet1").TextRows([["DANH SÁCH"], misspelt, Row1]).ToBytes()));
        e.Errors.Single().Line.ShouldBe(2);
        e.Errors.Single().Message.ShouldContain("trang tính 'Danh sách' dòng 2");
        e.Errors.Single().Message.ShouldContain("Dân tôc xx");

        // Only a title and notes: no header found, the sheet named.
        e = await Should.ThrowAsync<ImportFailedException>(() => ImportXlsxAsync(
            new XlsxInput("Danh sách").TextRows([["DANH SÁCH"], ["Ghi chú: điền từ dòng 5"]]).ToBytes()));
        e.Errors.Single().Message.ShouldContain("trang tính 'Danh sách'");
        e.Errors.Single().Message.ShouldContain("không thấy dòng tiêu đề");

        // Every sheet empty: says so, naming them.
        e = await Should.ThrowAsync<ImportFailedException>(() => ImportXlsxAsync(new XlsxInput("Trang 2").EmptySheetBefore("Sheet1").ToBytes()));
        e.Errors.Single().Message.ShouldContain("'Sheet1', 'Trang 2'");
        (await HouseholdsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Csv_WithoutLineBreaks_IsRefusedAtTheHeaderLimit_NotReadWholeToFindTheSeparator()
    {
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync(new string('a', CsvDelimiter.MaxHeaderChars + 10)));
        e.Errors.Single().Message.ShouldContain("dòng tiêu đề dài quá");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task UnterminatedQuote_IsReportedAtTheLineThatOpensIt(int openAt)
    {
        var lines = new List<string> { string.Join(',', Header.Select(Quote)), string.Join(',', Row1), "XL-3,01294,Nà Mòn,Nông thôn,Mông,2023,1200000,Lý Văn B,1971,Nam,Chủ hộ", "XL-4,01294,Nà Mòn,Nông thôn,Mông,2023,1200000,Lý Văn C,1972,Nam,Chủ hộ" };
        lines[openAt - 1] = lines[openAt - 1].Replace("Nà Mòn", "\"Nà Mòn", StringComparison.Ordinal);
        foreach (var end in new[] { "\n", "\r\n", "" })
        {
            var e = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync(string.Join(end.Length == 0 ? "\n" : end, lines) + end));
            e.Errors.Single().Line.ShouldBe(openAt, e.Errors.Single().Message);
            e.Errors.Single().Message.ShouldContain($"mở ở dòng {openAt}");
        }
        (await HouseholdsAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("1.500.000,50")] // was stored as 150.000.050 đồng: the household became not poor
    [InlineData("1,5")]          // was read as 15
    [InlineData("1.5")]          // was read as 15
    [InlineData("1,500,000")]
    public async Task Income_WithAnAmbiguousOrDecimalSeparator_IsRefusedNamingTheRowAndColumn(string income)
    {
        var csv = "household_code,commune,census_year,income,name\n" +
            "XN-1,01294,2023,1.500.000,Người Một\n" +
            $"XN-2,01294,2023,\"{income}\",Người Hai\n";
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync(csv));
        e.Errors.Select(x => (x.Line, x.Field)).ShouldBe([(3, "income")]);
        e.Errors[0].Message.ShouldContain(income);
        (await HouseholdsAsync()).ShouldBe(0);

        await ImportCsvAsync(csv.Replace($"\"{income}\"", "1500000", StringComparison.Ordinal));
        await using var db = Context();
        (await db.CensusEntries.Select(c => c.Income).ToListAsync()).ShouldBe([1_500_000L, 1_500_000L], ignoreOrder: true);
    }

    [Theory]
    [InlineData("household_code", "XZ-1\u200B")] // zero-width space: two codes that look the same
    [InlineData("household_code", "XZ\u202E1")]  // right-to-left override
    [InlineData("household_code", "XZ-1\u00A0")] // no-break space
    [InlineData("name", "Người\u007FMột")]        // DEL (a NUL byte is refused with the file, as binary)
    [InlineData("name", "Người\u0085Một")]        // a C1 control
    [InlineData("name", "Người\u001BMột")]
    public async Task InvisibleCharactersInACode_AndControlCharactersAnywhere_AreRefusedNamingTheRowAndColumn(string column, string value)
    {
        var code = column == "household_code" ? value : "XZ-1";
        var name = column == "name" ? value : "Người Một";
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync($"household_code,commune,census_year,income,name\n{code},01294,2023,1000000,\"{name}\"\n"));
        e.Errors.Select(x => (x.Line, x.Field)).ShouldBe([(2, column)]);
        e.Errors[0].Message.ShouldContain("U+");
        (await HouseholdsAsync()).ShouldBe(0);

        // A line break and a tab are text in a name.
        await ImportCsvAsync("household_code,commune,census_year,income,name\nXZ-1,01294,2023,1000000,\"Người\tMột\"\n");
        (await HouseholdsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task JsonPackage_WithAnUnknownField_NamesTheField_NotASyntaxError()
    {
        var e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read(
            Encoding.UTF8.GetBytes("""{ "orgUnits": [ { "code": "X", "name": "X", "kind": "commune", "parnet": "042" } ] }"""), "goi.json"));
        e.Errors.Single().Message.ShouldContain("$.orgUnits[0].parnet");
        e.Errors.Single().Message.ShouldContain("trường 'parnet' không có");
        e.Errors.Single().Message.ShouldNotContain("sai cú pháp");

        // A real syntax error is still reported as one, with its line.
        e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read(Encoding.UTF8.GetBytes("{ \"orgUnits\": [ { \"code\": \"X\" \n \"name\": 1 } ] }"), "goi.json"));
        e.Errors.Single().Message.ShouldContain("sai cú pháp");
        e.Errors.Single().Line.ShouldBe(2);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ValuesCsv_SeparatedBySemicolons_IsReadWithItsSemicolons_AndItsNumbersInVietnameseNotation()
    {
        // Each line holds one comma (the comment's, or the decimal comma): was read as comma-separated.
        // (The rate is yearly, its own period type: ADR 012.)
        var package = ImportFileReader.Read(Encoding.UTF8.GetBytes(
            "dataElement;period;orgUnit;value;comment\nCS.TD_HO_NGHEO_LUOT;2023S1;01294;12;xã, thôn\nMT.TY_LE_HO_NGHEO_GIAM;2023;01294;-2,5;\nCS.TD_HO_NGHEO_SO_TIEN;2023S1;01294;1.346,5;\n"), "gia-tri.csv");
        package.DataValues!.Select(r => (r.OrgUnit, r.Value, r.Comment)).ShouldBe([("01294", "12", "xã, thôn"), ("01294", "-2.5", ""), ("01294", "1346.5", "")]);
        await ImportAsync(package);
        await using (var db = Context())
            (await db.DataValues.Where(v => v.OrgUnit!.Code == "01294").Select(v => v.Value).OrderBy(v => v).ToListAsync()).ShouldBe([-2.5m, 12m, 1346.5m]);

        // "1.5" is 15 in Vietnamese thousands and 1,5 in English: refused naming the row, not guessed.
        var e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read(Encoding.UTF8.GetBytes(
            "dataElement;period;orgUnit;value\nCS.TD_HO_NGHEO_LUOT;2023S1;01294;1.5\n"), "gia-tri.csv"));
        e.Errors.Select(x => (x.Line, x.Field)).ShouldBe([(2, "value")]);
        e.Errors[0].Message.ShouldContain("1.5");

        // A comma-separated file keeps its documented invariant notation.
        ImportFileReader.Read(Encoding.UTF8.GetBytes("dataElement,period,orgUnit,value\nCS.TD_HO_NGHEO_LUOT,2023S1,01294,1346.5\n"), "gia-tri.csv")
            .DataValues!.Single().Value.ShouldBe("1346.5");
    }
}

public sealed class ExcelFileTests_Sqlite() : ExcelFileTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class ExcelFileTests_Postgres() : ExcelFileTests(DatabaseProvider.Postgres);
