using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Time;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Imports.BadValues;

/// <summary>
/// Values that parse but cannot be true: a percent above 100, more digits than numeric(24,6) keeps,
/// a document signed tomorrow, money paid in a period not yet begun, a census of next year, codes
/// nobody defined. Each is a row error naming the field, and nothing of the package is written.
/// </summary>
public abstract class BadValueTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    // Today is the pinned day in Vietnam (TestClock), the calendar the importers' "not in the future" reads.
    private int NextYear => Clock.VietnamYear() + 1;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(new()
        {
            OrgUnits = TestUnits.Tree(),
            Documents = [new() { Number = "1/QĐ-UBND", Kind = "QD", Date = "2023-01-05", IssuerName = "UBND huyện Một", Subject = "Giao vốn" }],
        });
    }

    private async Task<(int Values, int Targets, int Documents, int Disbursements, int Allocations, int Works, int Households)> CountsAsync()
    {
        await using var db = Context();
        return (await db.DataValues.CountAsync(), await db.Targets.CountAsync(), await db.Documents.CountAsync(), await db.Disbursements.CountAsync(),
            await db.CapitalAllocations.CountAsync(), await db.Works.CountAsync(), await db.Households.CountAsync());
    }

    private static void ShouldName(ImportFailedException e, params string[] expected)
    {
        var errors = e.Errors.Select(x => x.ToString()).ToList();
        foreach (var text in expected)
            errors.ShouldContain(m => m.StartsWith(text, StringComparison.Ordinal), $"{text} not in: {string.Join(" | ", errors)}");
        errors.Count.ShouldBe(expected.Length, string.Join(" | ", errors));
    }

    [Fact]
    public async Task Values_OutOfRangeOrBeyondTheColumn_AreRefusedByRowAndField_AndNothingIsWritten()
    {
        var before = await CountsAsync();
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            DataValues =
            [
                TestUnits.Value("90101", "2024S1", "55", "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO"), // fine
                TestUnits.Value("90102", "2024S1", "100.5", "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO"),
                TestUnits.Value("90103", "2024S1", "-1", "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO"),
                TestUnits.Value("90101", "2024", "-101", "MT.TY_LE_HO_NGHEO_GIAM"),
                TestUnits.Value("90101", "2024", "1001", "MT.TY_LE_HOAN_THANH_CHI_TIEU_GIAM_NGHEO"),
                TestUnits.Value("90101", "2024S1", "1234567890123456789", "CS.TD_HO_NGHEO_SO_TIEN"),
                TestUnits.Value("90102", "2024S1", "0.1234567", "CS.TD_HO_NGHEO_SO_TIEN"),
                TestUnits.Value("90101", "2024S1", "-3"),
            ],
            Targets = [new() { DataElement = "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO", OrgUnit = "90101", Year = 2024, Value = "150" }],
        }));
        ShouldName(e,
            "targets[0].value: '150': tỷ lệ của chỉ tiêu 'CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO' (%) phải từ 0 đến 100",
            "dataValues[1].value: '100.5': tỷ lệ của chỉ tiêu 'CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO' (%) phải từ 0 đến 100",
            "dataValues[2].value: '-1': tỷ lệ",
            "dataValues[3].value: '-101': tỷ lệ của chỉ tiêu 'MT.TY_LE_HO_NGHEO_GIAM' (điểm %) phải từ -100 đến 100",
            "dataValues[4].value: '1001': tỷ lệ của chỉ tiêu 'MT.TY_LE_HOAN_THANH_CHI_TIEU_GIAM_NGHEO' (% chỉ tiêu) phải từ 0 đến 1000",
            "dataValues[5].value: '1234567890123456789': quá 18 chữ số phần nguyên",
            "dataValues[6].value: '0.1234567': quá 6 chữ số thập phân",
            "dataValues[7].value: '-3': chỉ tiêu 'CS.TD_HO_NGHEO_LUOT' nhận số nguyên không âm");
        (await CountsAsync()).ShouldBe(before);

        // The edges are kept, and read back the same on both databases.
        await ImportAsync(new()
        {
            DataValues =
            [
                TestUnits.Value("90101", "2024S1", "100", "CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO"),
                TestUnits.Value("90101", "2024", "-2.5", "MT.TY_LE_HO_NGHEO_GIAM"),
                TestUnits.Value("90101", "2024", "120", "MT.TY_LE_HOAN_THANH_CHI_TIEU_GIAM_NGHEO"),
                TestUnits.Value("90101", "2024S1", "999999999999999999.999999", "CS.TD_HO_NGHEO_SO_TIEN"),
                TestUnits.Value("90102", "2024S1", "0.1234560", "CS.TD_HO_NGHEO_SO_TIEN"),
            ],
        });
        await using var db = Context();
        var stored = await db.DataValues.Include(v => v.Indicator).Include(v => v.OrgUnit)
            .ToDictionaryAsync(v => v.Indicator!.Code + "/" + v.OrgUnit!.Code, v => v.Value);
        stored["CS.DN_TY_LE_LAO_DONG_QUA_DAO_TAO/90101"].ShouldBe(100m);
        stored["MT.TY_LE_HO_NGHEO_GIAM/90101"].ShouldBe(-2.5m);
        stored["MT.TY_LE_HOAN_THANH_CHI_TIEU_GIAM_NGHEO/90101"].ShouldBe(120m);
        stored["CS.TD_HO_NGHEO_SO_TIEN/90101"].ShouldBe(999999999999999999.999999m);
        stored["CS.TD_HO_NGHEO_SO_TIEN/90102"].ShouldBe(0.123456m);
    }

    [Fact]
    public async Task Dates_InTheFuture_AreRefusedWhereTheyCannotBe_AndNothingIsWritten()
    {
        var today = Clock.VietnamToday();
        var before = await CountsAsync();
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            Documents =
            [
                new() { Number = "2/QĐ-UBND", Kind = "QD", Date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), IssuerName = "UBND huyện Một", Subject = "Hôm nay: được" },
                new() { Number = "3/QĐ-UBND", Kind = "QD", Date = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), IssuerName = "UBND huyện Một", Subject = "Ngày mai" },
            ],
            Disbursements =
            [
                new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_SN", Period = "2024S1", Amount = 5 },
                new() { OrgUnit = "901", ProgramItem = "DA2", Source = "NSTW_SN", Period = $"{NextYear}S1", Amount = 5 },
            ],
        }));
        ShouldName(e,
            "documents[1].date: ngày " + today.AddDays(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) + " sau hôm nay",
            $"disbursements[1].period: kỳ {NextYear}S1 bắt đầu 01/01/{NextYear}, sau hôm nay: chưa thể giải ngân");
        (await CountsAsync()).ShouldBe(before);

        // The household list and the census form: a census of a year not yet begun has no result.
        await ImportAsync(new()
        {
            OrgUnits = [new() { Code = "04", Name = "Cao Bằng", Kind = "province" }, new() { Code = "042", Name = "Bảo Lâm", Kind = "district", Parent = "04" },
                new() { Code = "01294", Name = "Lý Bôn", Kind = "commune", Parent = "042" }],
        });
        const string header = "Mã hộ,Mã xã,Khu vực,Dân tộc,Năm rà soát,Thu nhập bình quân,Họ và tên,Năm sinh,Giới tính,Quan hệ với chủ hộ\n";
        before = await CountsAsync();
        var h = await Should.ThrowAsync<ImportFailedException>(() => ImportHouseholdsAsync(header +
            "LB-001,01294,Nông thôn,Mông,2022,1200000,Lý Văn Pà,1970,Nam,Chủ hộ\n" +
            $"LB-002,01294,Nông thôn,Tày,{NextYear},1200000,Nông Văn Sơn,1980,Nam,Chủ hộ\n"));
        h.Errors.Select(x => x.ToString()).ShouldContain(m => m.StartsWith($"household dòng (row) 3.census_year: năm rà soát {NextYear} chưa đến", StringComparison.Ordinal)
            || m.Contains($"3.census_year: năm rà soát {NextYear} chưa đến", StringComparison.Ordinal), string.Join(" | ", h.Errors));
        (await CountsAsync()).ShouldBe(before);

        await ImportHouseholdsAsync(header + "LB-001,01294,Nông thôn,Mông,2022,1200000,Lý Văn Pà,1970,Nam,Chủ hộ\n");
        await using var db = Context();
        var id = (await db.Households.SingleAsync()).Id;
        var entries = await db.CensusEntries.CountAsync();
        foreach (var (year, reason) in new[] { (NextYear, $"Năm rà soát {NextYear} chưa đến"), (1999, "Năm rà soát 1999 trước năm 2000") })
        {
            await using var edit = Context();
            (await Should.ThrowAsync<DomainException>(() => edit.Service<CensusEditor>().SaveAsync(Actor.System, id, year, new CensusInput(1_000_000, null, null, false, null, null))))
                .Message.ShouldStartWith(reason);
        }
        (await db.CensusEntries.CountAsync()).ShouldBe(entries);
    }

    private async Task<HouseholdImportResult> ImportHouseholdsAsync(string csv)
    {
        await using var db = Context();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await db.Service<HouseholdImporter>().ImportAsync(stream, "danh-sach.csv", new HouseholdImportOptions(Actor.System));
    }

    [Fact]
    public async Task UnknownCodes_AreRefusedWithTheCodeNamed_AndNothingIsWritten()
    {
        var before = await CountsAsync();
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportAsync(new()
        {
            CapitalAllocations = [new() { OrgUnit = "901", ProgramItem = "DA99", Source = "NSTW_SN", Year = 2024, Amount = 10 },
                new() { OrgUnit = "901", ProgramItem = "DA2", Source = "VON_LA", Year = 2024, Amount = 10 }],
            Works = [new() { Code = "CT-1", Name = "Đường", Kind = "road", OrgUnit = "90199", ProgramItem = "DA2" }],
            DataValues =
            [
                TestUnits.Value("90101", "2024S1", "5", "KHONG_CO"),
                TestUnits.Value("90101", "2024Q5", "5"),
                TestUnits.Value("90101", "2024S1", "5", disaggregation: "martians"),
            ],
        }));
        ShouldName(e,
            "capitalAllocations[0].programItem: không có dự án/tiểu dự án mã 'DA99'",
            "capitalAllocations[1].source: không có nguồn vốn mã 'VON_LA'",
            "works[0].orgUnit: không có đơn vị hành chính mã '90199'",
            "dataValues[0].dataElement: không có chỉ tiêu mã 'KHONG_CO'",
            "dataValues[1].period: Kỳ báo cáo '2024Q5'",
            "dataValues[2].disaggregation: không có phân tổ mã 'martians'");
        (await CountsAsync()).ShouldBe(before);
    }
}

public sealed class BadValueTests_Sqlite() : BadValueTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class BadValueTests_Postgres() : BadValueTests(DatabaseProvider.Postgres);
