using System.Globalization;
using System.Text;
using Gnbv.Cli.Commands;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Data.Values;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>
/// Issue 15 item 7: export then import was not a round trip. The apostrophe that keeps a spreadsheet
/// from running "- 5 hộ ở Xóm 1" as a formula came back as data (with a change-log entry), and an
/// unchanged household list bumped every household's version, so an officer editing one got a false 409.
/// </summary>
public abstract class ExportRoundTripTests(DatabaseProvider provider) : RegistryTest(provider)
{
    const string List = """
        Mã hộ,Mã xã,"Thôn, bản",Khu vực,Dân tộc,Năm rà soát,Thu nhập bình quân,Điểm A,Việc làm,Nguồn nước sinh hoạt,Kết quả phân loại,Kế hoạch hỗ trợ,Họ và tên,Năm sinh,Giới tính,Quan hệ với chủ hộ,Số CCCD
        LB-001,01294,- Xóm 1,Nông thôn,Mông,2022,1.200.000,,x,x,Hộ nghèo,- 5 hộ ở Xóm 1 vay vốn,Lý Văn Pà,1970,Nam,Chủ hộ,004070000001
        LB-001,01294,,,,,,,,,,,=Hoàng Thị Mỷ,1972,Nữ,Vợ,004172000002
        LB-001,01294,,,,,,,,,,,Lý Văn Chá,2015,Nam,Con,
        LB-002,01294,Nà Mòn,Nông thôn,Tày,2022,,150,,,,,Nông Văn Sơn,1980,Nam,Chủ hộ,004080000003
        LB-003,01294,Nà Mòn,Nông thôn,Tày,2022,2.500.000,,,,,,@Nông Thị Hoa,1988,Nữ,Chủ hộ,
        """;

    private sealed record Snapshot(Dictionary<string, int> Versions, Dictionary<string, DateTime> Stamps, int Audit, int ValueChanges, string Registry);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = Context();
        var households = await db.Households.AsNoTracking().ToListAsync();
        var members = await db.HouseholdMembers.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.HouseholdId}:{m.Name}:{m.BirthYear}:{m.Sex}:{m.Relation}:{m.IsHead}:{m.CitizenId}").ToListAsync();
        var census = await db.CensusEntries.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.HouseholdId}:{c.Year}:{c.Status}:{c.Income}:{c.ScoreA}:{c.DeprivedMask}:{c.SupportPlan}").ToListAsync();
        var values = await db.DataValues.AsNoTracking().OrderBy(v => v.Id).Select(v => $"{v.Id}:{v.Value}:{v.Version}").ToListAsync();
        var registry = string.Join("|", households.OrderBy(h => h.Id).Select(h => $"{h.Id}:{h.Code}:{h.Village}:{h.HeadName}:{h.PolicyGroups}"))
            + "#" + string.Join("|", members) + "#" + string.Join("|", census) + "#" + string.Join("|", values);
        return new Snapshot(households.ToDictionary(h => h.Code, h => h.Version), households.ToDictionary(h => h.Code, h => h.UpdatedAt),
            await db.AuditEntries.CountAsync(), await db.DataValueChanges.CountAsync(), registry);
    }

    private async Task<string> ExportAsync()
    {
        await using var db = Context();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == "01294");
        var exporter = db.Service<HouseholdExporter>();
        var plan = await exporter.LogAsync(Actor.System, unit, 2022);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await exporter.WriteCsvAsync(plan, writer);
        return writer.ToString();
    }

    [Fact]
    public async Task HouseholdList_ExportedAndImportedUnchanged_ChangesNothing_NoVersionNoAuditNoFigure()
    {
        (await ImportCsvAsync(List)).Created.ShouldBe(3);
        var csv = await ExportAsync();
        csv.ShouldContain("'- 5 hộ ở Xóm 1 vay vốn", customMessage: "the export keeps the text from being run as a formula");
        csv.ShouldContain("'=Hoàng Thị Mỷ");
        var before = await SnapshotAsync();

        var again = await ImportCsvAsync(csv, name: "danh-sach-ho-01294-2022.csv");
        (again.Created, again.Updated, again.Members, again.MembersRemoved, again.CensusEntries).ShouldBe((0, 0, 0, 0, 0));
        var after = await SnapshotAsync();
        after.Versions.ShouldBe(before.Versions, "no household's version moves: an officer editing one gets no false 409");
        after.Stamps.ShouldBe(before.Stamps);
        after.Audit.ShouldBe(before.Audit, "nothing changed, nothing to audit");
        after.ValueChanges.ShouldBe(before.ValueChanges);
        after.Registry.ShouldBe(before.Registry);
        await using (var db = Context())
        {
            (await db.Households.SingleAsync(h => h.Code == "LB-001")).Village.ShouldBe("- Xóm 1");
            (await db.CensusEntries.SingleAsync(c => c.Household!.Code == "LB-001")).SupportPlan.ShouldBe("- 5 hộ ở Xóm 1 vay vốn");
            (await db.HouseholdMembers.CountAsync(m => m.Name == "=Hoàng Thị Mỷ" || m.Name == "@Nông Thị Hoa")).ShouldBe(2);
        }

        // One member's birth year corrected in the exported file: that household alone moves, once.
        var edited = csv.Replace("Lý Văn Chá,2015", "Lý Văn Chá,2016", StringComparison.Ordinal);
        edited.ShouldNotBe(csv);
        var one = await ImportCsvAsync(edited, name: "sua.csv");
        one.Updated.ShouldBe(1);
        var last = await SnapshotAsync();
        last.Versions["LB-001"].ShouldBe(before.Versions["LB-001"] + 1);
        last.Versions.Where(v => v.Key != "LB-001").ShouldBe(before.Versions.Where(v => v.Key != "LB-001"));
        last.Audit.ShouldBe(before.Audit + 1, "the import that changed something is audited");
    }

    [Fact]
    public async Task ValuesCsv_ExportedAndImportedUnchanged_ChangesNothing_AndTheCommentKeepsItsText()
    {
        await ImportAsync(new()
        {
            DataValues =
            [
                new() { DataElement = "CS.TD_HO_NGHEO_LUOT", Period = "2023S1", OrgUnit = "01294", Value = "5", Comment = "- 5 hộ ở Xóm 1" },
                new() { DataElement = "CS.TD_HO_NGHEO_SO_TIEN", Period = "2023S1", OrgUnit = "01294", Value = "2.5", Comment = "'=trích dẫn" },
                new() { DataElement = "CS.TD_HSSV_LUOT", Period = "2023S1", OrgUnit = "01294", Value = "3", Comment = "'bình thường" },
            ],
        });
        List<StoredValue> stored;
        await using (var db = Context())
        {
            var unit = await db.Service<UnitResolver>().ResolveAsync("01294", Period.Parse("2023S1"));
            stored = await db.Service<StoredValues>().ListAsync(unit, Period.Parse("2023S1"), children: false);
        }
        var csv = ExportCommands.ToCsv(stored);
        csv.ShouldContain("'- 5 hộ ở Xóm 1");
        var before = await SnapshotAsync();

        var result = await ImportFileAsync(csv, "gia-tri.csv");
        var counts = result.For("dataValues");
        (counts.Created, counts.Updated, counts.Deleted, counts.Unchanged).ShouldBe((0, 0, 0, 3));
        (await SnapshotAsync()).ValueChanges.ShouldBe(before.ValueChanges, "no change-log entry for a value read back as it was");
        await using (var db = Context())
            (await db.DataValues.Select(v => v.Comment).ToListAsync()).Order(StringComparer.Ordinal).ShouldBe(["'=trích dẫn", "'bình thường", "- 5 hộ ở Xóm 1"]);
    }
}

public sealed class ExportRoundTripTests_Sqlite() : ExportRoundTripTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class ExportRoundTripTests_Postgres() : ExportRoundTripTests(DatabaseProvider.Postgres);
