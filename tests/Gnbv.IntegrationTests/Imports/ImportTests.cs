using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Imports;

public abstract class ImportTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Header = "dataElement,period,orgUnit,disaggregation,value,comment\n";

    private async Task<int> ValueCountAsync()
    {
        await using var db = Context();
        return await db.DataValues.CountAsync();
    }

    [Fact]
    public async Task Csv_GoodFile_WritesEveryRow()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        var result = await ImportFileAsync(Header +
            "CS.TD_HO_NGHEO_LUOT,2023S1,90101,,12,\n" +
            "CS.TD_HO_NGHEO_LUOT,2023S1,90102,total,30,\"từ báo cáo xã, có dấu phẩy\"\n" +
            "DA5.HO_XAY_MOI,2023S1,90101,poor,4,\n", "values.csv");
        result.Sections["dataValues"].Created.ShouldBe(3);
        await using var db = Context();
        var stored = await db.DataValues.Include(v => v.OrgUnit).SingleAsync(v => v.OrgUnit!.Code == "90102");
        stored.Value.ShouldBe(30m);
        stored.Comment.ShouldBe("từ báo cáo xã, có dấu phẩy");
    }

    [Fact]
    public async Task Csv_OneBadRow_WritesNothingAndNamesTheLine()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportFileAsync(Header +
            "CS.TD_HO_NGHEO_LUOT,2023S1,90101,,12,\n" +
            "CS.TD_HO_NGHEO_LUOT,2023S1,90102,,1.346,5,\n".Replace("1.346,5,", "\"1.346,5\",") +
            "CS.TD_HO_NGHEO_LUOT,2023S1,90103,,7,\n", "values.csv"));
        var error = e.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(3);
        error.Field.ShouldBe("value");
        error.ToString().ShouldStartWith("dataValues dòng (row) 3.value: '1.346,5' không phải là số");
        (await ValueCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Json_OneBadRowAmongSections_WritesNothingInAnySection()
    {
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            OrgUnits = TestUnits.Tree(),
            Documents = [new() { Number = "1/QĐ-UBND", Kind = "QD", Date = "2023-01-05", IssuerName = "UBND huyện Một", Subject = "Giao vốn" }],
            DataValues =
            [
                TestUnits.Value("90101", "2023S1", "5"),
                TestUnits.Value("90102", "2023S3", "6"),
            ],
        }));
        e.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("dataValues[1].period: Kỳ báo cáo '2023S3'");
        await using var db = Context();
        (await db.OrgUnits.AnyAsync(u => u.Code == "90")).ShouldBeFalse();
        (await db.Documents.AnyAsync()).ShouldBeFalse();
        (await db.DataValues.AnyAsync()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("KHONG_CO", "2023S1", "90101", null, "5", "dataElement", "không có chỉ tiêu mã 'KHONG_CO'")]
    [InlineData("CS.TD_HO_NGHEO_LUOT", "2023S1", "99999", null, "5", "orgUnit", "không có đơn vị hành chính mã '99999'")]
    [InlineData("CS.TD_HO_NGHEO_LUOT", "2023S1", "90101", "poor", "5", "disaggregation", "chỉ tiêu 'CS.TD_HO_NGHEO_LUOT' không có phân tổ 'poor'")]
    [InlineData("CS.TD_HO_NGHEO_LUOT", "2023S1", "90101", null, "2.5", "value", "nhận số nguyên không âm")]
    [InlineData("CS.TD_HO_NGHEO_LUOT", "2023S1", "90101", null, "-3", "value", "nhận số nguyên không âm")]
    [InlineData("CS.TD_HO_NGHEO_LUOT", "", "90101", null, "5", "period", "bắt buộc")]
    [InlineData("CS.TD_HO_NGHEO_LUOT", "202313", "90101", null, "5", "period", "tháng 13 không tồn tại")]
    public async Task DataValue_BadField_IsNamedWithItsReason(string element, string period, string unit, string? dis, string value, string field, string reason)
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            DataValues = [TestUnits.Value("90102", "2023S1", "1"), new() { DataElement = element, Period = period, OrgUnit = unit, Disaggregation = dis, Value = value }],
        }));
        var error = e.Errors.ShouldHaveSingleItem();
        error.Index.ShouldBe(1);
        error.Field.ShouldBe(field);
        error.Message.ShouldContain(reason);
        (await ValueCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task DataValue_SameKeyTwiceInOneFile_IsRejected()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            DataValues = [TestUnits.Value("90101", "2023S1", "1"), TestUnits.Value("90101", "2023S1", "2")],
        }));
        e.Errors.ShouldHaveSingleItem().Message.ShouldContain("trùng với dataValues[0]");
    }

    [Fact]
    public async Task Allocation_NegativeMoneyOrCarryOverFromLaterYear_IsRejected()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            CapitalAllocations =
            [
                new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_SN", Year = 2023, Amount = -5 },
                new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_SN", Year = 2023, CarriedOverFrom = 2024, Amount = 5 },
                new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_XX", Year = 2023, Amount = 5 },
            ],
        }));
        e.Errors.Select(x => $"{x.Index}.{x.Field}").ShouldBe(["0.amount", "1.carriedOverFrom", "2.source"]);
        await using var db = Context();
        (await db.CapitalAllocations.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task DryRun_ChecksEveryRow_ButWritesNothing()
    {
        var result = await ImportAsync(new() { OrgUnits = TestUnits.Tree(), DataValues = [TestUnits.Value("90101", "2023S1", "5")] }, dryRun: true);
        result.DryRun.ShouldBeTrue();
        result.Sections["dataValues"].Created.ShouldBe(1);
        await using var db = Context();
        (await db.OrgUnits.AnyAsync(u => u.Code == "90")).ShouldBeFalse();
        (await db.DataValues.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Reimport_ChangedValue_UpdatesAndLogsOldAndNew_EmptyValueDeletes()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree(), DataValues = [TestUnits.Value("90101", "2023S1", "5")] });
        var same = await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2023S1", "5")] });
        same.Sections["dataValues"].Unchanged.ShouldBe(1);
        var changed = await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2023S1", "8")] });
        changed.Sections["dataValues"].Updated.ShouldBe(1);
        var deleted = await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2023S1", "")] });
        deleted.Sections["dataValues"].Deleted.ShouldBe(1);

        await using var db = Context();
        (await db.DataValues.AnyAsync()).ShouldBeFalse();
        var log = await db.DataValueChanges.OrderBy(c => c.Id).ToListAsync();
        log.Select(c => c.Action).ShouldBe(["insert", "update", "delete"]);
        log[1].OldValue.ShouldBe(5m);
        log[1].NewValue.ShouldBe(8m);
        log[2].OldValue.ShouldBe(8m);
    }

    [Fact]
    public async Task Json_Malformed_IsRejectedWithItsLine()
    {
        var e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read("{\n  \"dataValues\": [\n    {\"value\": }\n  ]\n}"u8.ToArray(), "x.json"));
        e.Errors.ShouldHaveSingleItem().Message.ShouldContain("dòng (line) 3");
    }

    [Fact]
    public async Task Json_UnknownSection_IsRejectedNotIgnored()
    {
        var e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read("{\"dataValue\": []}"u8.ToArray(), "x.json"));
        e.Errors.ShouldHaveSingleItem().Message.ShouldContain("dataValue");
        await Task.CompletedTask;
    }

    [Fact]
    public void Csv_NotUtf8_IsRejectedWithAClearReason()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes(Header + "CS.TD_HO_NGHEO_LUOT,2023S1,90101,,5,Lâm\n");
        var e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read(latin1, "v.csv"));
        e.Errors.ShouldHaveSingleItem().Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Csv_UnknownColumn_IsRejected()
    {
        var e = Should.Throw<ImportFailedException>(() => ImportFileReader.Read("dataElement,period,orgUnit,valeu\n"u8.ToArray(), "v.csv"));
        e.Errors.ShouldHaveSingleItem().Message.ShouldContain("valeu");
    }

    [Fact]
    public async Task Demo_LoadsThroughTheImportPath_WithEveryDocumentOfTheSeed()
    {
        await LoadDemoAsync();
        await using var db = Context();
        (await db.OrgUnits.CountAsync(u => u.Parent!.Code == "042")).ShouldBe(13);
        var documents = await db.Documents.Select(d => d.Number).ToListAsync();
        documents.ShouldContain("702/QĐ-UBND");
        documents.ShouldContain("288/QĐ-UBND");
        documents.ShouldContain("596/KH-BCĐ");
        (await db.Works.CountAsync()).ShouldBe(2);
        (await db.ImportRuns.CountAsync(r => r.Source.StartsWith("demo:"))).ShouldBe(2);
    }
}

public class ImportTests_Sqlite() : ImportTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class ImportTests_Postgres() : ImportTests(DatabaseProvider.Postgres);
