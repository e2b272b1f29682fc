using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>Support received, imported from a list, counted into the report's figures by month, status and kind.</summary>
public abstract class SupportImportTests(DatabaseProvider provider) : RegistryTest(provider)
{
    const string Support = """
        Mã hộ,Mã xã,Số CCCD,Loại hỗ trợ,"Dự án, tiểu dự án",Nguồn vốn,Số tiền,Số lượng,Ngày,Ghi chú
        LB-001,01294,,credit,,TD_CS,50.000.000,,15/01/2023,Vay hộ nghèo
        LB-001,01294,,credit,,TD_CS,30.000.000,,20/03/2023,
        LB-001,01294,,housing-new,DA5,NSTW_SN,40.000.000,,10/02/2023,
        LB-001,01294,004172000002,vocational-training,DA4.TDA1,NSTW_SN,,,05/04/2023,Hoàng Thị Mỷ học nghề may
        PM-001,01290,,credit,,TD_CS,20.000.000,,01/02/2023,Hộ cận nghèo: không tính vào vay hộ nghèo
        PM-001,01290,,electricity,,NSDP,300.000,,01/05/2023,
        """;

    private async Task<SupportImportResult> ImportSupportAsync(string csv, bool dryRun = false)
    {
        await using var db = Context();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await db.Service<SupportImporter>().ImportAsync(stream, "ho-tro.csv", Actor.System, dryRun);
    }

    [Fact]
    public async Task SupportRecords_FeedTheHalfYearFigures_ReplacingTheDistrictsTypedTotal_AndReImportDoesNotDuplicate()
    {
        await ImportCsvAsync(HouseholdImportTests.Round2022);
        await ImportFileAsync("""
            dataElement,period,orgUnit,disaggregation,value
            CS.TD_HO_NGHEO_LUOT,2023S1,042,total,409
            CS.TD_HO_NGHEO_SO_TIEN,2023S1,042,total,23411
            """, "manual.csv");
        (await RolledUpAsync("042", "2023S1", "CS.TD_HO_NGHEO_LUOT")).ShouldBe(409);

        var result = await ImportSupportAsync(Support);
        result.Created.ShouldBe(6);
        (await RolledUpAsync("042", "2023S1", "CS.TD_HO_NGHEO_LUOT")).ShouldBe(2, "two loans to LB-001, poor in the 2022 round; PM-001 was near-poor");
        (await RolledUpAsync("042", "2023S1", "CS.TD_HO_NGHEO_SO_TIEN")).ShouldBe(80, "million đồng");
        (await RolledUpAsync("042", "2023Q1", "CS.TD_HO_NGHEO_LUOT")).ShouldBe(2);
        (await RolledUpAsync("042", "202302", "DA5.HO_XAY_MOI")).ShouldBe(1);
        (await RolledUpAsync("042", "2023S1", "DA5.HO_XAY_MOI", "poor")).ShouldBe(1);
        (await RolledUpAsync("042", "2023S1", "DA4.TDA1.HOC_VIEN")).ShouldBe(1);
        (await RolledUpAsync("01290", "2023S1", "CS.TIEN_DIEN_HO")).ShouldBe(1);
        await using (var db = Context())
        {
            var training = await db.SupportRecords.SingleAsync(r => r.Kind == "vocational-training");
            training.MemberId.ShouldNotBeNull();
            (await db.HouseholdMembers.SingleAsync(m => m.Id == training.MemberId)).Name.ShouldBe("Hoàng Thị Mỷ");
        }

        // The same list again, one amount corrected: updated, not doubled.
        var again = await ImportSupportAsync(Support.Replace("30.000.000", "35.000.000", StringComparison.Ordinal));
        again.Created.ShouldBe(0);
        again.Updated.ShouldBe(1);
        (await RolledUpAsync("042", "2023S1", "CS.TD_HO_NGHEO_LUOT")).ShouldBe(2);
        (await RolledUpAsync("042", "2023S1", "CS.TD_HO_NGHEO_SO_TIEN")).ShouldBe(85);
    }

    [Fact]
    public async Task AListTouchingJanuaryAndMarch_LeavesFebruarysFiguresAsTheyWere()
    {
        await ImportCsvAsync(HouseholdImportTests.Round2022);
        await ImportSupportAsync(Support);
        var again = await ImportSupportAsync("""
            household_code,commune,kind,funding_source,amount,date
            LB-001,01294,credit,TD_CS,10000000,25/01/2023
            LB-001,01294,credit,TD_CS,10000000,25/03/2023
            """);
        again.Created.ShouldBe(2);
        (await RolledUpAsync("042", "202301", "CS.TD_HO_NGHEO_LUOT")).ShouldBe(2);
        (await RolledUpAsync("042", "202302", "DA5.HO_XAY_MOI")).ShouldBe(1, "February's house is not recounted or lost");
        (await RolledUpAsync("042", "202303", "CS.TD_HO_NGHEO_LUOT")).ShouldBe(2);
        (await RolledUpAsync("042", "2023S1", "CS.TD_HO_NGHEO_SO_TIEN")).ShouldBe(100);
    }

    [Fact]
    public async Task ABadSupportRow_IsNamed_AndNothingIsWritten()
    {
        await ImportCsvAsync(HouseholdImportTests.Round2022);
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportSupportAsync("""
            household_code,commune,citizen_id,kind,program_item,funding_source,amount,date
            LB-001,01294,,credit,,TD_CS,1000000,15/01/2023
            XX-9,01294,,credit,,TD_CS,1000000,15/01/2023
            LB-001,01294,004090000005,vocational-training,,,,15/01/2023
            LB-001,01294,,lottery,,,,15/01/2023
            LB-001,01294,,credit,DA99,TD_CS,-5,31/02/2023
            LB-001,01294,,credit,,TD_CS,1000,01/01/2099
            """));
        var at = e.Errors.Select(x => (x.Line, x.Field)).ToList();
        at.ShouldContain((3, "household_code"));
        at.ShouldContain((4, "citizen_id"));
        at.ShouldContain((5, "kind"));
        at.ShouldContain((6, "program_item"));
        at.ShouldContain((6, "amount"));
        at.ShouldContain((6, "date"));
        at.ShouldContain((7, "date"));
        await using var db = Context();
        (await db.SupportRecords.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Quantity_OneAndAHalf_IsReadInVietnameseNotation_AndTheEnglishFormIsRefusedNamingTheRowAndColumn()
    {
        await ImportCsvAsync(HouseholdImportTests.Round2022);
        // "1.5" was read as 15 (dots stripped as thousands): now refused, naming line and column, nothing written.
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportSupportAsync("""
            household_code,commune,kind,quantity,date
            LB-001,01294,housing-new,"1,5",10/02/2023
            LB-001,01294,electricity,1.5,10/03/2023
            """));
        e.Errors.Select(x => (x.Line, x.Field)).ShouldBe([(3, "quantity")]);
        e.Errors[0].Message.ShouldContain("1.5");
        await using (var db = Context())
            (await db.SupportRecords.CountAsync()).ShouldBe(0);

        await ImportSupportAsync("""
            household_code,commune,kind,quantity,date
            LB-001,01294,housing-new,"1,5",10/02/2023
            """);
        await using (var db = Context())
            (await db.SupportRecords.SingleAsync()).Quantity.ShouldBe(1.5m);
    }
}

public class SupportImportTests_Sqlite() : SupportImportTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class SupportImportTests_Postgres() : SupportImportTests(DatabaseProvider.Postgres);
