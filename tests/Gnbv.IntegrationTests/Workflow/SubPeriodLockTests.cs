using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Data.Values;
using Gnbv.Data.Workflow;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Workflow;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Workflow;

/// <summary>
/// Issue 15 item 1: an approved half-year was changed through its months and quarters (202303 and
/// 2023Q1 were 200 while 2023S1 was 409, and the approved figure moved). The lock covers every
/// period the approved figure is summed from, whatever path the write comes by.
/// </summary>
public abstract class SubPeriodLockTests(DatabaseProvider provider) : AppTest(provider)
{
    private static object Values(params (string Element, string Period, string Value)[] rows) =>
        new { dataValues = rows.Select(r => new { dataElement = r.Element, period = r.Period, orgUnit = "01290", value = r.Value }).ToArray() };

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, object set)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/dataValueSets", set);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Dictionary<string, decimal>> FiguresAsync(HttpClient client, string period)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/figures?orgUnit=01290&period={period}")).RootElement;
        return json.GetProperty("dataValues").EnumerateArray()
            .ToDictionary(v => $"{v.GetProperty("dataElement").GetString()}/{v.GetProperty("disaggregation").GetString()}", v => v.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task ApprovedHalfYear_RefusesWritesToItsMonthsAndQuarters_ByApiAndFile_AndItsFiguresStay()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        // A monthly and a quarterly indicator, typed for their own periods inside 2023S1.
        (await PostAsync(commune, Values(("HT.THE_BHYT", "202301", "5"), ("CS.TIEN_DIEN_HO", "2023Q1", "7")))).Status.ShouldBe(HttpStatusCode.OK);
        var before = await FiguresAsync(commune, "2023S1");
        before["HT.THE_BHYT/total"].ShouldBe(5m);
        before["CS.TIEN_DIEN_HO/total"].ShouldBe(7m);

        using (var r = await commune.PostAsJsonAsync("/api/v1/workflow/submit?orgUnit=01290&period=2023S1&dataSet=values", new { }))
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        using (var r = await district.PostAsJsonAsync("/api/v1/workflow/approve?orgUnit=01290&period=2023S1&dataSet=values", new { }))
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());

        // Added, changed or deleted, in a month or a quarter of the half-year: each is the lock's 409.
        foreach (var (element, period, value) in new[]
                 {
                     ("HT.THE_BHYT", "202303", "1000"), ("HT.THE_BHYT", "202301", "6"), ("HT.THE_BHYT", "202301", ""), ("HT.THE_BHYT", "202306", "1"),
                     ("CS.TIEN_DIEN_HO", "2023Q1", "1000"), ("CS.TIEN_DIEN_HO", "2023Q2", "1"),
                 })
        {
            var (status, body) = await PostAsync(commune, Values((element, period, value)));
            status.ShouldBe(HttpStatusCode.Conflict, $"{element} {period} = '{value}': {body}");
            body.ShouldContain("đã được duyệt và khóa (kỳ 2023S1, gồm kỳ " + period + ")");
        }
        // The file import is another path to the same lock.
        using (var content = new MultipartFormDataContent { { new StringContent("dataElement,period,orgUnit,value\nHT.THE_BHYT,202302,01290,9\n"), "file", "gia-tri.csv" } })
        using (var r = await commune.PostAsync("/api/v1/imports", content))
            r.StatusCode.ShouldBe(HttpStatusCode.Conflict, await r.Content.ReadAsStringAsync());

        (await FiguresAsync(commune, "2023S1")).ShouldBe(before, "the approved figures did not move");

        // The second half-year is not approved; a year's own value is not summed into the half-year's figure.
        (await PostAsync(commune, Values(("HT.THE_BHYT", "202307", "3")))).Status.ShouldBe(HttpStatusCode.OK);
        (await PostAsync(commune, Values(("MT.TY_LE_HOAN_THANH_CHI_TIEU_GIAM_NGHEO", "2023", "95")))).Status.ShouldBe(HttpStatusCode.OK);
        (await FiguresAsync(commune, "2023S1")).ShouldBe(before);

        using (var r = await district.PostAsJsonAsync("/api/v1/workflow/reopen?orgUnit=01290&period=2023S1&dataSet=values", new { reason = "Xã sửa số tháng 3" }))
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync(commune, Values(("HT.THE_BHYT", "202303", "2")))).Status.ShouldBe(HttpStatusCode.OK, "reopened, the months can change again");
    }

    [Fact]
    public async Task ApprovedHalfYear_LocksItsMonths_InALargeBatch_WrittenSetBased()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        (await PostAsync(commune, Values(("HT.THE_BHYT", "202301", "5")))).Status.ShouldBe(HttpStatusCode.OK);
        using (var r = await commune.PostAsJsonAsync("/api/v1/workflow/submit?orgUnit=01290&period=2023S1&dataSet=values", new { })) r.EnsureSuccessStatusCode();
        using (var r = await district.PostAsJsonAsync("/api/v1/workflow/approve?orgUnit=01290&period=2023S1&dataSet=values", new { })) r.EnsureSuccessStatusCode();

        // 700 values of the open months 2023-07..2024-12 and one of March: past the set-based writer's 500 rows on PostgreSQL.
        var months = Enumerable.Range(0, 18).Select(m => new DateOnly(2023, 7, 1).AddMonths(m).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string[] elements = ["HT.THE_BHYT", "HT.KCB_MIEN_PHI", "HT.GIOI_THIEU_VIEC_LAM", "HT.DI_LAM_VIEC_NUOC_NGOAI"];
        List<string> units;
        await using (var db = Context())
            units = await db.OrgUnits.Where(u => u.Path.StartsWith("/04/042/") && u.Code != "042").Select(u => u.Code).OrderBy(c => c).Take(10).ToListAsync();
        var rows = (from e in elements from u in units from m in months select new { dataElement = e, period = m, orgUnit = u, value = "1" }).Take(700).ToList();
        rows.Count.ShouldBe(700);
        rows.Add(new { dataElement = "HT.THE_BHYT", period = "202303", orgUnit = "01290", value = "1000" });
        int countBefore;
        await using (var db = Context()) countBefore = await db.DataValues.CountAsync();

        var (status, body) = await PostAsync(district, new { dataValues = rows });
        status.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain("gồm kỳ 202303");
        await using (var db = Context()) (await db.DataValues.CountAsync()).ShouldBe(countBefore, "nothing of the batch was written");
    }

    [Fact]
    public async Task ApprovedDistrict_LocksTheValuesOfItsCommunes_SoItsFigureCannotMoveFromBelow()
    {
        // The district's approved half-year sums its communes: a commune that was never approved on
        // its own may not move it either (DHIS2: an approval locks the unit's whole subtree).
        await ImportAsync(new() { OrgUnits = TestUnits.Tree(), DataValues = [TestUnits.Value("90101", "2023S1", "4")] });
        await using (var db = Context())
        {
            var district = await db.Service<UnitResolver>().ResolveAsync("901", Period.Parse("2023S1"));
            var workflow = db.Service<WorkflowService>();
            await workflow.SubmitAsync(Actor.System, district, Period.Parse("2023S1"), DataSets.Values, new Dictionary<string, string>());
            await workflow.ApproveAsync(Actor.System, district, Period.Parse("2023S1"), DataSets.Values);
        }

        foreach (var (unit, value) in new[] { ("90101", "40"), ("90101", ""), ("90102", "1"), ("901", "7") })
        {
            var e = await Should.ThrowAsync<WorkflowConflictException>(() => ImportAsync(new() { DataValues = [TestUnits.Value(unit, "2023S1", value)] }));
            e.Message.ShouldContain("của 901 đã được duyệt và khóa (kỳ 2023S1)", customMessage: $"{unit} = '{value}'");
        }
        await using (var db = Context())
            (await db.DataValues.Where(v => v.Period!.Code == "2023S1").Select(v => new { v.OrgUnit!.Code, v.Value }).ToListAsync())
                .ShouldHaveSingleItem().ShouldBe(new { Code = "90101", Value = 4m });

        // The next half-year is not approved, and the province above is not locked by a district's approval.
        (await ImportAsync(new() { DataValues = [TestUnits.Value("90101", "2023S2", "3"), TestUnits.Value("90", "2023S1", "9")] }))
            .For("dataValues").Created.ShouldBe(2);
    }

    [Fact]
    public async Task ApprovedCapital_LocksDisbursementsOfItsQuarters_WhenDisbursementsAreQuarterly()
    {
        // Without the demo, whose disbursements are half-years: here the capital data set is quarterly.
        await ImportAsync(new()
        {
            OrgUnits = TestUnits.Tree(),
            DataSets = [new() { Code = DataSets.Capital, Name = "Vốn", DueDays = 5, PeriodType = "quarterly" }],
            Disbursements = [new() { OrgUnit = "90101", ProgramItem = "DA2", Source = "NSTW_SN", Period = "2023Q1", Amount = 100 }],
        });
        await using (var db = Context())
        {
            var unit = await db.Service<UnitResolver>().ResolveAsync("90101", Period.Parse("2023S1"));
            var workflow = db.Service<WorkflowService>();
            await workflow.SubmitAsync(Actor.System, unit, Period.Parse("2023S1"), DataSets.Capital,
                new Dictionary<string, string> { ["R02_DISBURSED_LE_BUDGET"] = "Vốn giao ghi ở huyện" });
            await workflow.ApproveAsync(Actor.System, unit, Period.Parse("2023S1"), DataSets.Capital);
        }

        foreach (var period in new[] { "2023Q1", "2023Q2" })
        {
            var e = await Should.ThrowAsync<WorkflowConflictException>(() => ImportAsync(new()
            {
                Disbursements = [new() { OrgUnit = "90101", ProgramItem = "DA2", Source = "NSTW_SN", Period = period, Amount = 900 }],
            }));
            e.Message.ShouldContain("gồm kỳ " + period);
        }
        (await ImportAsync(new() { Disbursements = [new() { OrgUnit = "90101", ProgramItem = "DA2", Source = "NSTW_SN", Period = "2023Q3", Amount = 50 }] }))
            .For("disbursements").Created.ShouldBe(1);
        await using (var db = Context())
        {
            var unit = await db.Service<UnitResolver>().ResolveAsync("90101", Period.Parse("2023S1"));
            var export = await db.Service<ValueExporter>().ExportAsync(unit, Period.Parse("2023S1"));
            export.Capital.Single(c => c.ProgramItem == "DA2").Disbursed.ShouldBe(100);
        }
    }
}

public sealed class SubPeriodLockTests_Sqlite() : SubPeriodLockTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class SubPeriodLockTests_Postgres() : SubPeriodLockTests(DatabaseProvider.Postgres);
