using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Data.Values;
using Gnbv.Domain.Households;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>
/// A commune's household list goes in through the import: classified under the standard of its
/// year, merged without duplicates on re-import, all-or-nothing on errors, and its figures land in
/// the indicator store where the district's rollup and rate come from.
/// </summary>
public abstract class HouseholdImportTests(DatabaseProvider provider) : RegistryTest(provider)
{
    // Vietnamese headers as the template writes them; household fields only on a household's first row.
    public const string Round2022 = """
        Mã hộ,Mã xã,"Thôn, bản",Khu vực,Dân tộc,Năm rà soát,Thu nhập bình quân,Điểm A,Việc làm,Nguồn nước sinh hoạt,Nhà tiêu hợp vệ sinh,Sử dụng dịch vụ viễn thông,Kết quả phân loại,Họ và tên,Năm sinh,Giới tính,Quan hệ với chủ hộ,Số CCCD
        LB-001,01294,Nà Mòn,Nông thôn,Mông,2022,1.200.000,,x,x,x,,Hộ nghèo,Lý Văn Pà,1970,Nam,Chủ hộ,004070000001
        LB-001,01294,,,,,,,,,,,,Hoàng Thị Mỷ,1972,Nữ,Vợ,004172000002
        LB-001,01294,,,,,,,,,,,,Lý Văn Chá,2015,Nam,Con,
        LB-002,01294,Nà Mòn,Nông thôn,Tày,2022,,150,,,x,,,Nông Văn Sơn,1980,Nam,Chủ hộ,004080000003
        PM-001,01290,Tổ 1,Thành thị,Kinh,2022,2000000,,,,,x,Hộ nghèo,Nguyễn Thị Lan,1985,Nữ,Chủ hộ,004185000004
        PM-002,01290,Tổ 2,Thành thị,Kinh,2022,2500000,,,,,,,Trần Văn Minh,1990,Nam,Chủ hộ,004090000005
        """;

    [Fact]
    public async Task ACommuneList_IsClassifiedUnderItsYearsStandard_AndItsFiguresRollUpToTheDistrict()
    {
        var result = await ImportCsvAsync(Round2022);
        result.Households.ShouldBe(4);
        result.Created.ShouldBe(4);
        result.Members.ShouldBe(6);
        result.CensusEntries.ShouldBe(4);
        result.Years.ShouldBe([2022]);
        result.Warnings.Count.ShouldBe(1, "PM-001 was written as poor: at the urban line with one deprivation it is near-poor");
        result.Warnings[0].ShouldContain("PM-001");

        await using (var db = Context())
        {
            var status = await db.CensusEntries.Include(c => c.Household).ToDictionaryAsync(c => c.Household!.Code, c => c.Status);
            status["LB-001"].ShouldBe(HouseholdStatus.Poor, "1,2 million ≤ 1,5 million and three deprivations");
            status["LB-002"].ShouldBe(HouseholdStatus.NotPoor, "score A 150 > 140; the average band is defined by income only");
            status["PM-001"].ShouldBe(HouseholdStatus.NearPoor, "2,0 million = the urban line, one deprivation");
            status["PM-002"].ShouldBe(HouseholdStatus.Average, "2,5 million: above 2,0 and within 3,0 million");
            var head = await db.Households.Include(h => h.Members).SingleAsync(h => h.Code == "LB-001");
            head.HeadName.ShouldBe("Lý Văn Pà");
            head.EthnicMinority.ShouldBeTrue();
            head.Members.Select(m => m.Name).Order().ShouldBe(["Hoàng Thị Mỷ", "Lý Văn Chá", "Lý Văn Pà"]);
            head.Members.Single(m => m.Name == "Lý Văn Chá").CitizenId.ShouldBeNull();
            (await db.Households.SingleAsync(h => h.Code == "PM-001")).Area.ShouldBe(Area.Urban);
        }

        (await RolledUpAsync("042", "2022", "HN.SO_HO")).ShouldBe(4);
        (await RolledUpAsync("042", "2022", "HN.HO_NGHEO")).ShouldBe(1);
        (await RolledUpAsync("042", "2022", "HN.HO_CAN_NGHEO")).ShouldBe(1);
        (await RolledUpAsync("042", "2022", "HN.HO_CAN_NGHEO", "urban")).ShouldBe(1);
        (await RolledUpAsync("042", "2022", "HN.HO_NGHEO", "ethnic-minority")).ShouldBe(1);
        (await RolledUpAsync("042", "2022", "HN.TY_LE_HO_NGHEO")).ShouldBe(25m, "1 poor of 4 households, computed at the district, not summed");
        (await RolledUpAsync("01294", "2022", "HN.TY_LE_HO_NGHEO")).ShouldBe(50m);
        (await RolledUpAsync("04", "2022", "HN.TY_LE_HO_CAN_NGHEO")).ShouldBe(25m);
        (await RolledUpAsync("042", "2022", "HN.THIEU_HUT", "employment")).ShouldBe(1);
        (await RolledUpAsync("042", "2022", "HN.THIEU_HUT", "telecom")).ShouldBe(1, "PM-001 is near-poor; PM-002's row has none");
        (await RolledUpAsync("042", "2022", "HN.THIEU_HUT", "sanitation")).ShouldBe(1, "LB-002 is not poor: its deprivation is not counted");
    }

    [Fact]
    public async Task ReImport_UpdatesHouseholdsAndMembers_MatchingByCodeOrCitizenId_AndComputesTheTransitions()
    {
        await ImportCsvAsync(Round2022);
        // 2023: LB-001 earns more (escapes poverty), its child is gone, a new member has an ID;
        // LB-002 was renumbered LB-002B by the commune: its head's citizen ID finds it.
        var result = await ImportCsvAsync("""
            household_code,commune,village,area,ethnicity,census_year,income,score_a,employment,water,name,birth_year,sex,relation,citizen_id
            LB-001,01294,Nà Mòn,rural,Mông,2023,1800000,,x,x,Lý Văn Pà,1970,Nam,Chủ hộ,004070000001
            LB-001,01294,Nà Mòn,rural,Mông,2023,1800000,,x,x,Hoàng Thị Mỷ,1972,Nữ,Vợ,004172000002
            LB-001,01294,Nà Mòn,rural,Mông,2023,1800000,,x,x,Lý Thị Dua,2004,Nữ,Con dâu,004304000006
            LB-002B,01294,Nà Mòn,rural,Tày,2023,,120,x,x,Nông Văn Sơn,1980,Nam,Chủ hộ,004080000003
            """, name: "danh-sach-2023.csv");
        result.Created.ShouldBe(0);
        result.Updated.ShouldBe(2);
        result.MembersRemoved.ShouldBe(1);
        result.Members.ShouldBe(1);

        await using (var db = Context())
        {
            (await db.Households.CountAsync()).ShouldBe(4, "no household was duplicated");
            (await db.Households.AnyAsync(h => h.Code == "LB-002")).ShouldBeFalse();
            var renumbered = await db.Households.Include(h => h.Census).SingleAsync(h => h.Code == "LB-002B");
            renumbered.Census.Select(c => c.Year).Order().ToList().ShouldBe(new List<int> { 2022, 2023 }, "the 2022 round stays with the renumbered household");
            renumbered.Census.Single(c => c.Year == 2023).Status.ShouldBe(HouseholdStatus.NearPoor, "score A 120 ≤ 140, two deprivations");
            var lb1 = await db.Households.Include(h => h.Members).Include(h => h.Census).SingleAsync(h => h.Code == "LB-001");
            lb1.Members.Select(m => m.Name).Order().ShouldBe(["Hoàng Thị Mỷ", "Lý Thị Dua", "Lý Văn Pà"]);
            lb1.Census.Single(c => c.Year == 2023).Status.ShouldBe(HouseholdStatus.Average);
            (await db.HouseholdMembers.CountAsync()).ShouldBe(6);

            var transitions = (await db.Service<RegistryFigures>().ForUnitAsync(await db.OrgUnits.SingleAsync(u => u.Code == "042"), 2023))!;
            transitions.PoorBefore.ShouldBe(1);
            transitions.Escaped.ShouldBe(1);
            transitions.PoorAfter.ShouldBe(0);
            (transitions.PoorBefore + transitions.EnteredPoor - transitions.ExitedPoor).ShouldBe(transitions.PoorAfter);
            transitions.NearPoorAfter.ShouldBe(1);
        }
        (await RolledUpAsync("042", "2023", "HN.HO_THOAT_NGHEO")).ShouldBe(1);
        (await RolledUpAsync("042", "2023", "MT.HO_NGHEO_GIAM")).ShouldBe(1);
        (await RolledUpAsync("01294", "2023", "MT.TY_LE_HO_NGHEO_GIAM")).ShouldBe(50m, "50% of 2 households in 2022, 0% in 2023");
    }

    [Fact]
    public async Task BadRows_AreAllReported_WithLineAndColumn_AndNothingIsWritten()
    {
        await ImportCsvAsync(Round2022);
        int householdsBefore, valuesBefore;
        await using (var db = Context())
        {
            householdsBefore = await db.Households.CountAsync();
            valuesBefore = await db.DataValues.CountAsync();
        }
        var e = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync("""
            household_code,commune,census_year,income,water,name,citizen_id,sex
            X-1,99999,2023,1000000,,Người Một,,
            X-2,01294,2023,1000000,,Người Hai,12345,
            X-3,01294,2023,1000000,có thể,Người Ba,,
            X-4,01294,2023,,,Người Bốn,,
            X-5,01294,1999,1000000,,Người Năm,,
            X-6,01294,2023,1000000,,,,
            X-7,01294,2023,1000000,,Người Bảy,,Không rõ
            LB-001,01294,2023,1000000,,Lý Văn Pà,004070000001,
            """));
        var at = e.Errors.Select(x => (x.Line, x.Field)).ToList();
        at.ShouldContain((2, "commune"));
        at.ShouldContain((3, "citizen_id"));
        at.ShouldContain((4, "water"));
        at.ShouldContain((5, "income"));
        at.ShouldContain((6, "census_year"));
        at.ShouldContain((7, "name"));
        at.ShouldContain((8, "sex"));
        e.Errors.Single(x => x.Line == 2).Message.ShouldContain("99999");
        e.Errors.Single(x => x.Line == 3).Message.ShouldNotContain("12345", Case.Sensitive, "a citizen ID is masked even in errors");

        // Rows of one household apart, and one person in two households: found in the staged file.
        var e2 = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync("""
            household_code,commune,census_year,income,name,citizen_id
            Y-1,01294,2023,1000000,Người Một,004000000101
            Y-2,01294,2023,1000000,Người Hai,004000000101
            Y-1,01294,2023,1000000,Người Ba,
            """));
        e2.Errors.ShouldContain(x => x.Line == 4 && x.Field == "household_code" && x.Message.Contains("dòng 2"));
        e2.Errors.ShouldContain(x => x.Line == 3 && x.Field == "citizen_id");

        // A citizen ID already in another household that the file does not list.
        var e3 = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync("""
            household_code,commune,census_year,income,name,citizen_id
            Z-1,01290,2023,1000000,Lý Văn Pà,004070000001
            """));
        e3.Errors.Single().Message.ShouldContain("LB-001");

        await using (var db = Context())
        {
            (await db.Households.CountAsync()).ShouldBe(householdsBefore);
            (await db.DataValues.CountAsync()).ShouldBe(valuesBefore);
            (await db.CensusEntries.CountAsync(c => c.Year == 2023)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task AnOfficerImportsOnlyTheirCommune_AndADryRunWritesNothing()
    {
        await using (var db = Context())
        {
            var lyBon = await db.OrgUnits.SingleAsync(u => u.Code == "01294");
            var officer = new Actor("lybon", Roles.CommuneOfficer, lyBon.Id, lyBon.Path);
            var e = await Should.ThrowAsync<ImportForbiddenException>(() => ImportCsvAsync(Round2022, officer));
            e.Errors.ShouldAllBe(x => x.Message.Contains("Pác Miầu"));
            var viewer = new Actor("xem", Roles.Viewer, lyBon.Id, lyBon.Path);
            await Should.ThrowAsync<ImportForbiddenException>(() => ImportCsvAsync(Round2022, viewer));
        }
        var dry = await ImportCsvAsync(Round2022, dryRun: true);
        dry.Created.ShouldBe(4);
        await using (var db = Context())
        {
            (await db.Households.CountAsync()).ShouldBe(0);
            (await db.DataValues.CountAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task AnXlsxList_ReadsLikeTheCsv_EvenWithNumberCellsAndDecomposedHeaders()
    {
        var sheet = new XlsxInput("Danh sách");
        string[] header = ["Mã hộ", "Mã xã", "Năm rà soát", "Thu nhập bình quân", "Việc làm", "Dinh dưỡng", "Bảo hiểm y tế", "Họ và tên", "Quan hệ với chủ hộ", "Số CCCD"];
        for (var i = 0; i < header.Length; i++) sheet.Text(1, i + 1, header[i].Normalize(NormalizationForm.FormD));
        // The commune code and the citizen ID typed as numbers, as Excel stores them: without their leading zeros.
        object[] row = ["LB-100", 1294, 2022, 900000, "x", "x", "x", "Giàng Seo Phủ", "Chủ hộ", 4075000007L];
        for (var i = 0; i < row.Length; i++)
            _ = row[i] switch { int n => sheet.Number(2, i + 1, n), long l => sheet.Number(2, i + 1, l), string s => sheet.Text(2, i + 1, s), _ => sheet };
        using var stream = new MemoryStream(sheet.ToBytes());
        await using var db = Context();
        var result = await db.Service<HouseholdImporter>().ImportAsync(stream, "ds.xlsx", new HouseholdImportOptions(Actor.System));
        result.Created.ShouldBe(1);
        var member = await db.HouseholdMembers.SingleAsync();
        member.CitizenId.ShouldBe("004075000007", "the leading zeros a number cell dropped are restored");
        (await db.CensusEntries.SingleAsync()).Status.ShouldBe(HouseholdStatus.Poor);
    }

    [Fact]
    public async Task TheSyntheticRegistry_ImportsTwoRounds_AndItsTransitionsBalanceInEveryUnit()
    {
        var communes = new List<Domain.Units.OrgUnit>();
        await using (var db = Context())
            communes = await db.Service<RegistryUnits>().CommunesUnderAsync(await db.OrgUnits.SingleAsync(u => u.Code == "042"), new DateOnly(2023, 12, 31));
        foreach (var year in new[] { 2022, 2023 })
        {
            var text = new StringWriter();
            HouseholdGenerator.Write(text, communes, 300, 11, year, 2022);
            var result = await ImportCsvAsync(text.ToString(), name: $"gl-{year}.csv");
            result.Households.ShouldBe(300);
        }
        await using (var db = Context())
        {
            (await db.Households.CountAsync()).ShouldBe(300);
            (await db.Households.AllAsync(h => h.Synthetic && h.Code.StartsWith("GL-"))).ShouldBeTrue();
            var poor2023 = await db.CensusEntries.CountAsync(c => c.Year == 2023 && c.Status == HouseholdStatus.Poor);
            var poor2022 = await db.CensusEntries.CountAsync(c => c.Year == 2022 && c.Status == HouseholdStatus.Poor);
            poor2022.ShouldBeGreaterThan(poor2023, "incomes grow between the rounds");
            foreach (var code in new[] { "042", "01290", "01294" })
            {
                var c = (await db.Service<RegistryFigures>().ForUnitAsync(await db.OrgUnits.SingleAsync(u => u.Code == code), 2023))!;
                (c.PoorBefore + c.EnteredPoor - c.ExitedPoor).ShouldBe(c.PoorAfter, $"transitions of {code}");
            }
            (await RolledUpAsync("042", "2023", "HN.HO_NGHEO")).ShouldBe(poor2023);
            (await RolledUpAsync("042", "2022", "HN.HO_NGHEO")).ShouldBe(poor2022);
            (await RolledUpAsync("042", "2023", "MT.HO_NGHEO_GIAM")).ShouldBe(poor2022 - poor2023);
        }
    }
}

public class HouseholdImportTests_Sqlite() : HouseholdImportTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class HouseholdImportTests_Postgres() : HouseholdImportTests(DatabaseProvider.Postgres);
