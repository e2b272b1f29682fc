using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Cli;

public abstract class CliTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private string TempFile(string name, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task DbMigrate_ThenDemoLoad_ThenExport_Succeed()
    {
        (await CliRunner.RunAsync(Database, "db", "migrate")).ExitCode.ShouldBe(0);
        var load = await CliRunner.RunAsync(Database, "demo", "load");
        load.ExitCode.ShouldBe(0, load.Err);
        load.Out.ShouldContain("bao-lam-2023S1.json");
        var export = await CliRunner.RunAsync(Database, "export", "values", "--unit", "Bảo Lâm", "--period", "2023S1");
        export.ExitCode.ShouldBe(0, export.Err);
        using var doc = JsonDocument.Parse(export.Out);
        doc.RootElement.GetProperty("orgUnit").GetProperty("code").GetString().ShouldBe("042");
    }

    [Fact]
    public async Task ImportWithReason_ThenAuditExport_GivesOldNewWhoAndWhy_AsCsvAndJson()
    {
        (await CliRunner.RunAsync(Database, "db", "migrate")).ExitCode.ShouldBe(0);
        string Doc(string subject) => $$"""{"documents": [{"number": "12/KH-UBND", "kind": "KH", "date": "2023-02-01", "issuerName": "UBND tỉnh Cao Bằng", "subject": "{{subject}}"}]}""";
        (await CliRunner.RunAsync(Database, "import", TempFile("a.json", Doc("Kế hoạch năm 2023")))).ExitCode.ShouldBe(0);
        var second = await CliRunner.RunAsync(Database, "import", TempFile("b.json", Doc("=Kế hoạch giảm nghèo năm 2023")), "--reason", "Sửa trích yếu theo bản gốc");
        second.ExitCode.ShouldBe(0, second.Err);

        var csv = await CliRunner.RunAsync(Database, "audit", "--entity", "document");
        csv.ExitCode.ShouldBe(0, csv.Err);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("entity,key,unit,action,field,old,new,reason,changedBy,changedAt");
        lines[1].ShouldStartWith("document,12/KH-UBND,,update,Subject,Kế hoạch năm 2023,'=Kế hoạch giảm nghèo năm 2023,Sửa trích yếu theo bản gốc,cli:",
            customMessage: "a formula-looking value is neutralised for spreadsheets; the CLI names the system user");
        lines.Count(l => l.StartsWith("document,12/KH-UBND,,insert,", StringComparison.Ordinal)).ShouldBeGreaterThan(3, "the insert lists each field it set");

        var json = await CliRunner.RunAsync(Database, "audit", "--entity", "document", "--key", "12/KH-UBND", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        doc.RootElement.GetArrayLength().ShouldBe(2);
        doc.RootElement[0].GetProperty("reason").GetString().ShouldBe("Sửa trích yếu theo bản gốc");
        (await CliRunner.RunAsync(Database, "audit", "--entity", "household")).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Classify_UsesTheStandardStoredInTheDatabase_ByCodeOrByYear()
    {
        var poor = await CliRunner.RunAsync(Database, "classify", "--standard", "2022-2025", "--area", "rural", "--income", "1500000", "--deprived", "water,sanitation,telecom", "--json");
        poor.ExitCode.ShouldBe(0, poor.Err);
        using (var doc = JsonDocument.Parse(poor.Out))
        {
            doc.RootElement.GetProperty("status").GetString().ShouldBe("poor");
            doc.RootElement.GetProperty("incomeLine").GetInt64().ShouldBe(1_500_000);
            doc.RootElement.GetProperty("scoreB").GetInt32().ShouldBe(30);
        }
        var stillOld = await CliRunner.RunAsync(Database, "classify", "--year", "2026", "--area", "urban", "--score-a", "175", "--json");
        JsonDocument.Parse(stillOld.Out).RootElement.GetProperty("standard").GetString().ShouldBe("2022-2025", "2026 rounds still use 2022-2025");
        JsonDocument.Parse(stillOld.Out).RootElement.GetProperty("status").GetString().ShouldBe("near-poor");
        var text = await CliRunner.RunAsync(Database, "classify", "--year", "2027", "--area", "urban", "--income", "2800001", "--deprived", "");
        text.Out.ShouldStartWith("not-poor: hộ không nghèo");
        var unknown = await CliRunner.RunAsync(Database, "classify", "--standard", "2022-2025", "--area", "rural", "--income", "1", "--deprived", "water,wifi");
        unknown.ExitCode.ShouldNotBe(0);
        unknown.Err.ShouldContain("wifi");

        // The standard is data: a year claimed by two standards is refused, naming both.
        var overlap = TempFile("standard.json", """
            {"povertyStandards": [{"code": "2026-2027", "name": "Thử", "fromYear": 2026, "toYear": 2027, "incomeLineRural": 1, "incomeLineUrban": 2,
              "indicators": [{"code": "water", "dimension": "Nước", "name": "Nước sạch"}], "poorMinDeprivations": 1}]}
            """);
        var refused = await CliRunner.RunAsync(Database, "import", overlap);
        refused.ExitCode.ShouldNotBe(0);
        refused.Err.ShouldContain("trùng với chuẩn 2022-2025");
    }

    [Fact]
    public async Task Households_Template_DemoGenerator_Import_Transitions_AndLoggedExport()
    {
        await LoadDemoAsync();
        var template = Path.Combine(Path.GetTempPath(), $"mau-{Guid.NewGuid():N}.xlsx");
        (await CliRunner.RunAsync(Database, "households", "template", "--out", template)).ExitCode.ShouldBe(0);
        XlsxBook.SchemaErrors(File.ReadAllBytes(template)).ShouldBeEmpty();
        XlsxBook.Read(template).Sheets[0].Cell("A1").Text.ShouldBe("Mã hộ");

        var dir = Path.Combine(Path.GetTempPath(), $"gl-{Guid.NewGuid():N}");
        var gen = await ToolsRunner.RunAsync(Database, "demo", "households", "--count", "120", "--seed", "4", "--out", dir);
        gen.ExitCode.ShouldBe(0, gen.Err);
        var again = Path.Combine(Path.GetTempPath(), $"gl-{Guid.NewGuid():N}");
        await ToolsRunner.RunAsync(Database, "demo", "households", "--count", "120", "--seed", "4", "--out", again);
        File.ReadAllBytes(Path.Combine(dir, "households-2023.csv")).ShouldBe(File.ReadAllBytes(Path.Combine(again, "households-2023.csv")), "same seed, same file");

        foreach (var year in new[] { "2022", "2023" })
        {
            var import = await CliRunner.RunAsync(Database, "households", "import", Path.Combine(dir, $"households-{year}.csv"), "--quiet");
            import.ExitCode.ShouldBe(0, import.Err);
            import.Out.ShouldContain("120 hộ");
        }
        var transitions = await CliRunner.RunAsync(Database, "households", "transitions", "--unit", "042", "--year", "2023", "--json");
        using (var doc = JsonDocument.Parse(transitions.Out))
        {
            var t = doc.RootElement;
            (t.GetProperty("poorStart").GetInt64() + t.GetProperty("entered").GetInt64() - t.GetProperty("exited").GetInt64()).ShouldBe(t.GetProperty("poorEnd").GetInt64());
            t.GetProperty("households").GetInt64().ShouldBe(120);
        }

        var bad = TempFile("bad.csv", "household_code,commune,census_year,income,name\nA-1,01294,2023,abc,Người Một\n");
        var errors = Path.Combine(Path.GetTempPath(), $"loi-{Guid.NewGuid():N}.csv");
        var refused = await CliRunner.RunAsync(Database, "households", "import", bad, "--quiet", "--errors", errors);
        refused.ExitCode.ShouldNotBe(0);
        File.ReadAllText(errors).ShouldContain("2,income,");

        var export = Path.Combine(Path.GetTempPath(), $"ds-{Guid.NewGuid():N}.csv");
        (await CliRunner.RunAsync(Database, "households", "export", "--unit", "01294", "--year", "2023", "--out", export)).ExitCode.ShouldBe(0);
        File.ReadLines(export).Skip(1).ShouldAllBe(l => l.StartsWith("GL-01294-", StringComparison.Ordinal));
        await using var db = Context();
        (await db.AuditEntries.CountAsync(a => a.Entity == "household-export" && a.EntityKey == "01294/2023")).ShouldBe(1);
    }

    [Fact]
    public async Task Import_FileWithOneBadRow_ExitsNonZero_NamesTheRow_AndWritesNothing()
    {
        await LoadDemoAsync();
        var file = TempFile("values.csv",
            "dataElement,period,orgUnit,value\nCS.TD_HO_NGHEO_LUOT,2023S1,01290,3\nCS.TD_HO_NGHEO_LUOT,2023S1,01291,-1\nCS.TD_HO_NGHEO_LUOT,2023S1,01294,4\n");
        var result = await CliRunner.RunAsync(Database, "import", file);
        result.ExitCode.ShouldNotBe(0);
        result.Err.Split('\n')[0].ShouldContain("dataValues dòng (row) 3.value");
        await using var db = Context();
        (await db.DataValues.CountAsync(v => v.OrgUnit!.Code.StartsWith("0129"))).ShouldBe(0);
    }

    [Fact]
    public async Task Import_DryRun_ReportsButWritesNothing_ThenRealRunWrites()
    {
        await LoadDemoAsync();
        var file = TempFile("values.json", """{"format":"gnbv-import/1","dataValues":[{"dataElement":"CS.TD_HO_NGHEO_LUOT","period":"2023S1","orgUnit":"01290","value":3}]}""");
        var dry = await CliRunner.RunAsync(Database, "import", file, "--dry-run");
        dry.ExitCode.ShouldBe(0, dry.Err);
        dry.Out.ShouldContain("dry run");
        await using (var db = Context()) (await db.DataValues.CountAsync(v => v.OrgUnit!.Code == "01290")).ShouldBe(0);
        (await CliRunner.RunAsync(Database, "import", file)).ExitCode.ShouldBe(0);
        await using (var db = Context()) (await db.DataValues.CountAsync(v => v.OrgUnit!.Code == "01290")).ShouldBe(1);
    }

    [Theory]
    [InlineData("Bảo Lâm", "2023S7", "S1 hoặc S2")]
    [InlineData("Không Có", "2023S1", "Không tìm thấy đơn vị 'Không Có'")]
    [InlineData("Bảo Lâm", "2021-2030", "trùng nhiều đơn vị")]
    public async Task Export_BadUnitOrPeriod_IsAOneLineReason(string unit, string period, string reason)
    {
        await LoadDemoAsync();
        var result = await CliRunner.RunAsync(Database, "export", "values", "--unit", unit, "--period", period);
        result.ExitCode.ShouldNotBe(0);
        result.Err.Trim().Split('\n').Length.ShouldBe(1);
        result.Err.ShouldContain(reason);
    }

    [Fact]
    public async Task Validate_Json_ListsEachViolationWithItsValues()
    {
        await LoadDemoAsync();
        var result = await CliRunner.RunAsync(Database, "validate", "--unit", "Bảo Lâm", "--period", "2023S1", "--json");
        result.ExitCode.ShouldBe(0, result.Err);
        using var doc = JsonDocument.Parse(result.Out);
        var items = doc.RootElement.EnumerateArray().ToList();
        items.Count.ShouldBe(6);
        foreach (var item in items)
        {
            foreach (var field in new[] { "rule", "severity", "message", "unit", "period", "values" }) item.TryGetProperty(field, out _).ShouldBeTrue(field);
            item.GetProperty("values").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Export_Csv_CanBeImportedBackUnchanged()
    {
        await LoadDemoAsync();
        var file = Path.Combine(Path.GetTempPath(), $"gnbv-{Guid.NewGuid():N}.csv");
        (await CliRunner.RunAsync(Database, "export", "values", "--unit", "042", "--period", "2023S1", "--format", "csv", "--out", file)).ExitCode.ShouldBe(0);
        var lines = await File.ReadAllLinesAsync(file);
        lines[0].ShouldBe("dataElement,period,orgUnit,disaggregation,value,comment");
        lines.ShouldContain(l => l.StartsWith("DA2.MO_HINH_DIEN_TICH,2023S1,042,total,168.8,"));
        // A quarter's figure keeps its own period: re-importing must not count it again under 2023S1.
        lines.ShouldContain(l => l.StartsWith("CS.TIEN_DIEN_HO,2023Q1,042,total,8102,"));
        int before;
        await using (var db = Context()) before = await db.DataValues.CountAsync();
        var reimport = await CliRunner.RunAsync(Database, "import", file);
        reimport.ExitCode.ShouldBe(0, reimport.Err);
        reimport.Out.ShouldContain($"dataValues: 0 mới, 0 sửa, {before} không đổi");
        await using (var db = Context()) (await db.DataValues.CountAsync()).ShouldBe(before);
    }
}

public class CliTests_Sqlite() : CliTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class CliTests_Postgres() : CliTests(DatabaseProvider.Postgres);

public abstract class UserCliTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task UsersAdd_ThenTokenCreate_GivesATokenTheApiAccepts_StoredOnlyHashed()
    {
        await LoadDemoAsync();
        var add = await CliRunner.RunAsync(Database, "users", "add", "--user", "namcao", "--role", "commune-officer", "--unit", "Nam Cao");
        add.ExitCode.ShouldBe(0, add.Err);
        add.Out.ShouldContain("Mật khẩu (chỉ hiện một lần)");
        var token = await CliRunner.RunAsync(Database, "users", "token", "create", "--user", "namcao", "--days", "30");
        token.ExitCode.ShouldBe(0, token.Err);
        var secret = token.Out.Trim();
        secret.ShouldStartWith("gnbv_");

        await using (var db = Context())
        {
            var stored = await db.ApiTokens.SingleAsync();
            stored.Hash.ShouldNotBe(secret);
            stored.Hash.ShouldBe(Gnbv.Data.Users.ApiTokens.Hash(secret));
        }

        await using var app = new GnbvApp(Database);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        (await client.GetAsync("/api/v1/dataValueSets?orgUnit=01296&period=2023S1")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/dataValueSets?orgUnit=01297&period=2023S1")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("bad name!", "commune-officer", "01296", "không hợp lệ")]
    [InlineData("namcao2", "commune-officer", null, "phải thuộc một đơn vị")]
    [InlineData("baolam", "viewer", "042", "đã có")]
    public async Task UsersAdd_BadInput_IsAOneLineReason(string user, string role, string? unit, string reason)
    {
        await LoadDemoAsync();
        string[] args = unit is null ? ["users", "add", "--user", user, "--role", role] : ["users", "add", "--user", user, "--role", role, "--unit", unit];
        var result = await CliRunner.RunAsync(Database, args);
        result.ExitCode.ShouldNotBe(0);
        result.Err.ShouldContain(reason);
    }
}

public class UserCliTests_Sqlite() : UserCliTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class UserCliTests_Postgres() : UserCliTests(DatabaseProvider.Postgres);
