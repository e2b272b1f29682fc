using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Cli;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Imports.Hostile;

/// <summary>
/// Broken and hostile files through the real entry points: `gnbv import`, `gnbv households import`
/// and `gnbv households support` on the command line, the import and household-import uploads of the
/// API. Each is refused with its reason and nothing is written.
/// </summary>
public abstract class HostileUploadTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    const string ValuesHeader = "dataElement,period,orgUnit,disaggregation,value,comment\n";

    async Task<string> CountsAsync()
    {
        await using var db = Context();
        return $"{await db.OrgUnits.CountAsync()} units, {await db.DataValues.CountAsync()} values, {await db.ImportRuns.CountAsync()} runs, " +
            $"{await db.Households.CountAsync()} households, {await db.SupportRecords.CountAsync()} support, {await db.AuditEntries.CountAsync()} audit";
    }

    string Write(string name, byte[] bytes)
    {
        var dir = Path.Combine(Path.GetTempPath(), "gnbv-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static IEnumerable<(string Case, string[] Command, string Name, byte[] Bytes, string Expected)> CliCases()
    {
        var json = """
            {
              "dataValues": [
                { "dataElement": "DA5.HO_XAY_MOI", "period": "2023S1", "orgUnit": "042", "value": "207" }
                { "dataElement": "DA5.HO_XAY_MOI", "period": "2023S1", "orgUnit": "042", "value": "208" }
              ]
            }
            """;
        var good = """{ "dataValues": [ { "dataElement": "DA5.HO_XAY_MOI", "period": "2023S1", "orgUnit": "042", "value": "207" }, { "dataElement": "DA5.HO_XAY_MOI", "period": "2023S2", "orgUnit": "042", "value": "1" } ] }""";
        string[] import = ["import"];
        yield return ("JSON syntax error", import, "goi.json", Encoding.UTF8.GetBytes(json), "JSON không hợp lệ ở dòng (line) 4, vị trí");
        yield return ("JSON cut mid-array", import, "goi.json", Encoding.UTF8.GetBytes(good[..(good.Length / 2)]), "JSON không hợp lệ ở dòng (line) 1");
        yield return ("empty JSON", import, "goi.json", [], "tệp rỗng");
        yield return ("random bytes named .json", import, "goi.json", HostileFiles.RandomBytes(2048, 3), "Tệp không phải UTF-8");
        yield return ("XLSX given to the package import", import, "goi.xlsx", HostileFiles.HouseholdXlsx(), "chỉ nhận JSON (gnbv-import/1) hoặc CSV");
        yield return ("Windows-1258 values CSV", import, "gia-tri.csv", HostileFiles.Windows1258(ValuesHeader + "DA5.HO_XAY_MOI,2023S1,042,total,5,\nDA5.HO_XAY_MOI,2023S2,042,total,6,Hộ nghèo\n"), "byte sai đầu tiên ở dòng 3");
        yield return ("formula in a values CSV", import, "gia-tri.csv", Encoding.UTF8.GetBytes(ValuesHeader + "DA5.HO_XAY_MOI,2023S1,042,total,=1+2,\n"), "dataValues dòng (row) 2.value: '=1+2' là công thức");
        yield return ("wrong column count in a values CSV", import, "gia-tri.csv", Encoding.UTF8.GetBytes(ValuesHeader + "DA5.HO_XAY_MOI,2023S1,042,total,5,a,b\n"), "dataValues dòng (row) 2.*: dòng có 7 cột, dòng tiêu đề có 6 cột");
        yield return ("unterminated quote in a values CSV", import, "gia-tri.csv", Encoding.UTF8.GetBytes(ValuesHeader + "DA5.HO_XAY_MOI,2023S1,042,total,5,\"chưa đóng\nDA5.HO_XAY_MOI,2023S2,042,total,6,\n"), "dấu ngoặc kép");
        yield return ("password-protected household XLSX", ["households", "import"], "ho.xlsx", HostileFiles.EncryptedXlsx(), "Tệp Excel được đặt mật khẩu");
        yield return ("zip bomb household XLSX", ["households", "import"], "ho.xlsx", HostileFiles.ZipBomb(), "zip bomb");
        yield return ("formula in a support list", ["households", "support"], "ho-tro.csv",
            Encoding.UTF8.GetBytes("household_code,commune,kind,amount,date\nPM-1,01290,credit,=10*1000000,01/02/2024\n"), "dòng 2: '=10*1000000' là công thức");
        yield return ("truncated support XLSX", ["households", "support"], "ho-tro.xlsx", HostileFiles.FirstHalf(HostileFiles.HouseholdXlsx()), "tệp XLSX bị hỏng");
    }

    [Fact]
    public async Task Cli_RefusesBrokenFiles_WithTheReason_AndWritesNothing()
    {
        await LoadDemoAsync();
        var before = await CountsAsync();
        foreach (var (name, command, file, bytes, expected) in CliCases())
        {
            var result = await CliRunner.RunAsync(Database, [.. command, Write(file, bytes)]);
            result.ExitCode.ShouldNotBe(0, name);
            (result.Err + result.Out).ShouldContain(expected, Case.Sensitive, name);
            (await CountsAsync()).ShouldBe(before, name);
        }
    }

    [Fact]
    public async Task NfdPackage_IsStoredAsNfc_AndMatchesTheNfcUnit()
    {
        var nfc = """{ "orgUnits": [ { "code": "04", "name": "Cao Bằng", "kind": "province" }, { "code": "042", "name": "Bảo Lâm", "kind": "district", "parent": "04" } ] }""";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        nfd.ShouldNotBe(nfc);
        (await CliRunner.RunAsync(Database, "import", Write("don-vi.json", Encoding.UTF8.GetBytes(nfc)))).ExitCode.ShouldBe(0);
        var nfcAgain = await CliRunner.RunAsync(Database, "import", Write("don-vi.json", Encoding.UTF8.GetBytes(nfc)));
        var nfdAgain = await CliRunner.RunAsync(Database, "import", Write("don-vi.json", Encoding.UTF8.GetBytes(nfd)));
        nfdAgain.ExitCode.ShouldBe(0, nfdAgain.Err);
        nfdAgain.Out.ShouldBe(nfcAgain.Out, "NFD text changes nothing that the same text in NFC would not");
        nfdAgain.Out.ShouldContain("0 mới");
        await using var db = Context();
        (await db.OrgUnits.CountAsync()).ShouldBe(2);
        (await db.OrgUnits.SingleAsync(u => u.Code == "042")).Name.ShouldBe("Bảo Lâm");
        (await db.OrgUnits.SingleAsync(u => u.Code == "042")).Name.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Fact]
    public async Task Api_RefusesBrokenUploads_WithTheReason_AndWritesNothing()
    {
        await using var app = new GnbvApp(Database);
        using var officer = await app.ClientAsAsync("pacmiau");
        var before = await CountsAsync();

        (string Name, byte[] Bytes, string Expected)[] packages =
        [
            ("goi.json", Encoding.UTF8.GetBytes("{ \"dataValues\": [ { \"dataElement\": \"X\",\n  \"period\" \"2023S1\" } ] }"), "JSON không hợp lệ ở dòng (line) 2"),
            ("gia-tri.csv", HostileFiles.Latin1(ValuesHeader + "CS.TD_HO_NGHEO_LUOT,2023S1,01290,total,3,Pác Miầu\n"), "Tệp không phải UTF-8"),
            ("gia-tri.csv", Encoding.UTF8.GetBytes(ValuesHeader + "CS.TD_HO_NGHEO_LUOT,2023S1,01290,total,\"=HYPERLINK(\"\"http://x\"\",3)\",\n"), "là công thức"),
            ("goi.xlsx", HostileFiles.ZipBomb(), "chỉ nhận JSON"),
        ];
        foreach (var (name, bytes, expected) in packages)
        {
            var response = await officer.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } });
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            body.ShouldContain(expected, Case.Sensitive, name);
        }

        (string Name, byte[] Bytes, string Expected)[] lists =
        [
            ("ho.xlsx", HostileFiles.EncryptedXlsx(), "hãy bỏ mật khẩu rồi tải lại"),
            ("ho.xlsx", HostileFiles.LyingZipBomb(), "zip bomb"),
            ("ho.xlsx", HostileFiles.HouseholdXlsx(s => s.Formula("G2", "SUM(1,2)")), "ô G2 chứa công thức"),
            ("ho.csv", HostileFiles.Windows1258(HostileFiles.HouseholdCsv()), "Tệp không phải UTF-8"),
        ];
        foreach (var (name, bytes, expected) in lists)
        {
            var started = await officer.PostAsync("/api/v1/households/import", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } });
            started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
            var job = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetString();
            JsonElement status = default;
            for (var i = 0; i < 300; i++)
            {
                status = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/households/import/{job}");
                if (status.GetProperty("done").GetBoolean()) break;
                await Task.Delay(100);
            }
            status.GetProperty("succeeded").GetBoolean().ShouldBeFalse(name);
            status.GetProperty("stageName").GetString().ShouldBe("Không nhập được, không ghi gì");
            status.GetRawText().ShouldContain(expected, Case.Sensitive, name);
        }
        (await CountsAsync()).ShouldBe(before);
    }
}

public class HostileUploadTests_Sqlite() : HostileUploadTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HostileUploadTests_Postgres() : HostileUploadTests(DatabaseProvider.Postgres);
