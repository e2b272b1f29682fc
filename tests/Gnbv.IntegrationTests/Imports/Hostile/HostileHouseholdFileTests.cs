using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Imports.Hostile;

/// <summary>
/// Broken and hostile household lists through the household importer: each is refused with a
/// Vietnamese reason naming where it is, and the registry is left exactly as it was.
/// </summary>
public abstract class HostileHouseholdFileTests(DatabaseProvider provider) : RegistryTest(provider)
{
    async Task<(int Households, int Members, int Census, int Audit)> CountsAsync()
    {
        await using var db = Context();
        return (await db.Households.CountAsync(), await db.HouseholdMembers.CountAsync(), await db.CensusEntries.CountAsync(), await db.AuditEntries.CountAsync());
    }

    async Task<HouseholdImportResult> ImportBytesAsync(byte[] bytes, string name, FileLimits? limits = null)
    {
        await using var db = Context();
        using var stream = new MemoryStream(bytes);
        return await db.Service<HouseholdImporter>().ImportAsync(stream, name, new HouseholdImportOptions(Actor.System, Limits: limits));
    }

    public static IEnumerable<(string Case, byte[] Bytes, string Name, string Expected)> Cases()
    {
        var csv = HostileFiles.HouseholdCsv();
        var rows = HostileFiles.HouseholdRows;
        string[][] With(int row, int column, string value) =>
            [.. rows.Select((r, i) => i == row ? r.Select((c, j) => j == column ? value : c).ToArray() : r)];
        var xlsx = HostileFiles.HouseholdXlsx();
        yield return ("random bytes named .xlsx", HostileFiles.RandomBytes(4096, 1), "ho.xlsx", "không phải tệp XLSX");
        yield return ("random bytes named .csv", HostileFiles.RandomBytes(4096, 2), "ho.csv", "Tệp không phải UTF-8");
        yield return ("XLSX cut in half", HostileFiles.FirstHalf(xlsx), "ho.xlsx", "tệp XLSX bị hỏng hoặc không trọn vẹn");
        yield return ("empty XLSX", [], "ho.xlsx", "tệp rỗng");
        yield return ("empty CSV", [], "ho.csv", "tệp rỗng");
        yield return ("password-protected XLSX", HostileFiles.EncryptedXlsx(), "ho.xlsx", "Tệp Excel được đặt mật khẩu (mã hóa), không đọc được; hãy bỏ mật khẩu rồi tải lại");
        yield return ("old .xls renamed", HostileFiles.OldXls(), "ho.xlsx", "Excel 97-2003 (.xls)");
        yield return ("zip bomb", HostileFiles.ZipBomb(), "ho.xlsx", "zip bomb");
        yield return ("zip bomb lying about its sizes", HostileFiles.LyingZipBomb(), "ho.xlsx", "không khớp với");
        yield return ("Windows-1258 CSV", HostileFiles.Windows1258(csv), "ho.csv", "Tệp không phải UTF-8 (có thể là Windows-1258, TCVN3 hay Latin-1), byte sai đầu tiên ở dòng 2");
        yield return ("Latin-1 CSV", HostileFiles.Latin1(HostileFiles.HouseholdCsv([rows[0], With(1, 8, "Lý Van Pà")[1]])), "ho.csv", "byte sai đầu tiên ở dòng 2");
        yield return ("UTF-16 without a byte order mark", HostileFiles.Utf16(csv, bom: false), "ho.csv", "byte 0 (NUL) ở dòng 1");
        yield return ("unterminated quote", Encoding.UTF8.GetBytes(csv + "LB-003,01294,\"Nà Mòn,Nông thôn,Tày,2022,2500000,,Lò Văn A,1980,Nam,Chủ hộ,\n"), "ho.csv", "dấu ngoặc kép");
        yield return ("wrong column count", Encoding.UTF8.GetBytes(HostileFiles.HouseholdCsv(With(3, 8, "Nông, Văn Sơn"))), "ho.csv", "dòng 4 có 14 cột, dòng tiêu đề có 13 cột");
        yield return ("truncated CSV row", Encoding.UTF8.GetBytes(csv + "LB-003,01294,Nà"), "ho.csv", "dòng 5 có 3 cột");
        yield return ("CSV formula in income", Encoding.UTF8.GetBytes(HostileFiles.HouseholdCsv(With(1, 6, "=1+2"))), "ho.csv", "cột 'Thu nhập bình quân' dòng 2: '=1+2' là công thức");
        yield return ("CSV HYPERLINK in birth year", Encoding.UTF8.GetBytes(HostileFiles.HouseholdCsv(With(3, 9, "\"=HYPERLINK(\"\"http://x\"\",1980)\""))), "ho.csv", "là công thức");
        yield return ("XLSX formula in income", HostileFiles.HouseholdXlsx(s => s.Formula("G3", "1000000+200000")), "ho.xlsx", "trang tính 'Danh sách' ô G3 chứa công thức, hãy dán giá trị");
    }

    [Fact]
    public async Task BrokenOrHostileFiles_AreRefusedWithTheirReason_AndNothingIsWritten()
    {
        var before = await CountsAsync();
        foreach (var (name, bytes, file, expected) in Cases())
        {
            var e = await Should.ThrowAsync<ImportFailedException>(() => ImportBytesAsync(bytes, file), name);
            e.Errors.Select(x => x.ToString()).ShouldContain(m => m.Contains(expected), $"{name}: {string.Join(" | ", e.Errors)}");
            (await CountsAsync()).ShouldBe(before, name);
        }
    }

    [Fact]
    public async Task FilesOverTheLimits_AreRefusedNamingTheLimit_AndNothingIsWritten()
    {
        var before = await CountsAsync();
        var csv = Encoding.UTF8.GetBytes(HostileFiles.HouseholdCsv());
        var xlsx = HostileFiles.HouseholdXlsx();
        var small = FileLimits.HouseholdLists;
        (string Case, byte[] Bytes, string Name, FileLimits Limits, string Expected)[] cases =
        [
            ("rows over MaxRows (CSV)", csv, "ho.csv", small with { MaxRows = 2 }, "dòng (row) 4.file: tệp có hơn 2 dòng dữ liệu, vượt giới hạn (MaxRows)"),
            ("rows over MaxRows (XLSX)", xlsx, "ho.xlsx", small with { MaxRows = 2 }, "hơn 2 dòng dữ liệu, vượt giới hạn (MaxRows)"),
            ("columns over MaxColumns", csv, "ho.csv", small with { MaxColumns = 10 }, "dòng tiêu đề có 13 cột, vượt giới hạn 10 cột (MaxColumns)"),
            ("columns over MaxColumns (XLSX)", xlsx, "ho.xlsx", small with { MaxColumns = 10 }, "vượt giới hạn số cột (MaxColumns)"),
            ("file over MaxFileBytes", csv, "ho.csv", small with { MaxFileBytes = 100 }, "vượt giới hạn 100 byte (MaxFileBytes)"),
            ("XLSX expanding over MaxXlsxUncompressedBytes", xlsx, "ho.xlsx", small with { MaxXlsxUncompressedBytes = 1000 }, "(MaxXlsxUncompressedBytes)"),
            ("cell over MaxCellChars", csv, "ho.csv", small with { MaxCellChars = 5 }, "(MaxCellChars)"),
        ];
        foreach (var (name, bytes, file, limits, expected) in cases)
        {
            var e = await Should.ThrowAsync<ImportFailedException>(() => ImportBytesAsync(bytes, file, limits), name);
            e.Errors.Select(x => x.ToString()).ShouldContain(m => m.Contains(expected), $"{name}: {string.Join(" | ", e.Errors)}");
            (await CountsAsync()).ShouldBe(before, name);
        }
        // The same files within the default limits import.
        (await ImportBytesAsync(xlsx, "ho.xlsx")).Created.ShouldBe(2);
    }

    [Fact]
    public async Task Utf16CsvWithByteOrderMark_ImportsLikeUtf8()
    {
        var result = await ImportBytesAsync(HostileFiles.Utf16(HostileFiles.HouseholdCsv(), bom: true), "ho.csv");
        result.Created.ShouldBe(2);
        await using var db = Context();
        (await db.Households.SingleAsync(h => h.Code == "LB-001")).HeadName.ShouldBe("Lý Văn Pà");
    }

    [Fact]
    public async Task NfdList_ImportsIdenticallyToNfc_AndReimportingNfcCreatesNoDuplicates()
    {
        var nfc = HouseholdImportTests.Round2022;
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        nfd.ShouldNotBe(nfc);
        var first = await ImportCsvAsync(nfd);
        first.Created.ShouldBe(4);
        await using (var db = Context())
        {
            var names = await db.HouseholdMembers.Select(m => m.Name).ToListAsync();
            names.ShouldContain("Hoàng Thị Mỷ");
            names.ShouldAllBe(n => n.IsNormalized(NormalizationForm.FormC));
            (await db.Households.SingleAsync(h => h.Code == "LB-001")).HeadName.ShouldBe("Lý Văn Pà");
            (await db.Households.Select(h => h.Village).Distinct().ToListAsync()).ShouldContain("Nà Mòn");
        }
        var before = await CountsAsync();
        var again = await ImportCsvAsync(nfc);
        again.Created.ShouldBe(0);
        (await CountsAsync()).Households.ShouldBe(before.Households);
        (await CountsAsync()).Members.ShouldBe(before.Members);
        var back = await ImportCsvAsync(nfd);
        back.Created.ShouldBe(0);
        (await CountsAsync()).Members.ShouldBe(before.Members);
    }
}

public class HostileHouseholdFileTests_Sqlite() : HostileHouseholdFileTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HostileHouseholdFileTests_Postgres() : HostileHouseholdFileTests(DatabaseProvider.Postgres);
