using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Domain.Time;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Workflow;

/// <summary>Each data set locks only its own records once approved; every change keeps who, when, old, new and why.</summary>
public abstract class DataSetLockAndAuditTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task<(HttpStatusCode Status, string Body)> StepAsync(HttpClient client, string action, string unit, string period, string dataSet, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/workflow/{action}?orgUnit={unit}&period={period}&dataSet={dataSet}", body ?? new { });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> ImportAsync(HttpClient client, object package, string? reason = null)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(package)), "file", "change.json" },
        };
        if (reason is not null) content.Add(new StringContent(reason), "reason");
        using var response = await client.PostAsync("/api/v1/imports", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static object Allocation(long amount) => new
    {
        capitalAllocations = new[] { new { orgUnit = "01290", programItem = "DA2", source = "NSTW_SN", year = 2023, amount } },
    };

    private static object Disbursement(long amount) => new
    {
        disbursements = new[] { new { orgUnit = "01290", programItem = "DA2", source = "NSTW_SN", period = "2023S1", amount } },
    };

    private static object Value(string value) => new
    {
        dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value } },
    };

    private static object Section(string text) => new
    {
        reportSections = new[] { new { orgUnit = "01290", period = "2023S1", section = "I", text } },
    };

    private static object Work(string status) => new
    {
        works = new[] { new { code = "PM-2026-01", name = "Đường vào thôn Khuổi Ky", kind = "transport", orgUnit = "01290", programItem = "DA1.TDA1", isNew = true, status, startYear = 2026 } },
    };

    [Fact]
    public async Task ApprovedCapital_LocksAllocationsOfItsYear_AndDisbursementsOfItsPeriod_ButNotTheOtherDataSets()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        (await ImportAsync(commune, Allocation(500_000_000), "Giao vốn theo QĐ 702/QĐ-UBND")).Status.ShouldBe(HttpStatusCode.OK);
        (await ImportAsync(commune, Disbursement(100_000_000))).Status.ShouldBe(HttpStatusCode.OK);

        (await StepAsync(commune, "submit", "01290", "2023S1", "capital")).Status.ShouldBe(HttpStatusCode.OK);
        var (status, body) = await StepAsync(district, "approve", "01290", "2023S1", "capital");
        status.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("dataSet").GetString().ShouldBe("capital");

        (status, body) = await ImportAsync(commune, Allocation(600_000_000));
        status.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain("đã được duyệt và khóa");
        (await ImportAsync(commune, Disbursement(200_000_000))).Status.ShouldBe(HttpStatusCode.Conflict);
        (await ImportAsync(commune, Value("7"))).Status.ShouldBe(HttpStatusCode.OK, "values are another data set, still a draft");
        (await ImportAsync(commune, Section("Xã đã triển khai"))).Status.ShouldBe(HttpStatusCode.OK, "the narrative is another data set");

        await using (var db = Context())
        {
            (await db.CapitalAllocations.SingleAsync(a => a.OrgUnit!.Code == "01290")).AmountDong.ShouldBe(500_000_000, "the refused change wrote nothing");
        }

        (status, body) = await StepAsync(district, "reopen", "01290", "2023S1", "capital", new { reason = "Điều chỉnh vốn" });
        status.ShouldBe(HttpStatusCode.OK, body);
        (await ImportAsync(commune, Allocation(600_000_000), "Điều chỉnh theo QĐ 750/QĐ-UBND")).Status.ShouldBe(HttpStatusCode.OK);

        // The allocation's audit: insert then update, old and new amount, who and why.
        var audit = JsonDocument.Parse(await commune.GetStringAsync("/api/v1/audit?entity=allocation&key=" + Uri.EscapeDataString("01290/DA2/NSTW_SN/2023"))).RootElement;
        audit.GetArrayLength().ShouldBe(2);
        audit[0].GetProperty("action").GetString().ShouldBe("update");
        audit[0].GetProperty("changes").GetProperty("AmountDong").EnumerateArray().Select(x => x.GetString()).ShouldBe(["500000000", "600000000"]);
        audit[0].GetProperty("reason").GetString().ShouldBe("Điều chỉnh theo QĐ 750/QĐ-UBND");
        audit[0].GetProperty("changedBy").GetString().ShouldBe("pacmiau");
        audit[1].GetProperty("action").GetString().ShouldBe("insert");
        audit[1].GetProperty("reason").GetString().ShouldBe("Giao vốn theo QĐ 702/QĐ-UBND");

        // The workflow's own steps are in the same audit, with the approver's reason.
        var steps = JsonDocument.Parse(await district.GetStringAsync("/api/v1/audit?entity=submission&key=" + Uri.EscapeDataString("01290/2023S1/capital"))).RootElement;
        steps.EnumerateArray().Select(s => s.GetProperty("changes").GetProperty("State")[1].GetString()).ShouldBe(["Draft", "Approved", "Submitted"]);
        steps[0].GetProperty("reason").GetString().ShouldBe("Điều chỉnh vốn");
        steps[0].GetProperty("changedBy").GetString().ShouldBe("baolam");

        // Values carry the reason in their own log, merged into the same export.
        (await ImportAsync(commune, Value("8"), "Sửa theo danh sách rà soát")).Status.ShouldBe(HttpStatusCode.OK);
        var values = JsonDocument.Parse(await commune.GetStringAsync("/api/v1/audit?entity=value&key=" + Uri.EscapeDataString("01290/2023S1/CS.TD_HO_NGHEO_LUOT.total"))).RootElement;
        values[0].GetProperty("changes").GetProperty("Value").EnumerateArray().Select(x => x.GetString()).ShouldBe(["7", "8"]);
        values[0].GetProperty("reason").GetString().ShouldBe("Sửa theo danh sách rà soát");

        // Another commune's officer sees none of it; the CSV export has one line per changed field.
        using var other = await App.ClientAsAsync("lybon");
        JsonDocument.Parse(await other.GetStringAsync("/api/v1/audit?entity=allocation")).RootElement.GetArrayLength().ShouldBe(0);
        var csv = await district.GetStringAsync("/api/v1/audit?format=csv&orgUnit=01290");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim().ShouldBe("entity,key,unit,action,field,old,new,reason,changedBy,changedAt");
        lines.ShouldContain(l => l.StartsWith("allocation,01290/DA2/NSTW_SN/2023,01290,update,AmountDong,500000000,600000000,Điều chỉnh theo QĐ 750/QĐ-UBND,pacmiau,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("value,01290/2023S1/CS.TD_HO_NGHEO_LUOT.total,01290,update,Value,7,8,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovedWorks_LockTheRegister_WhileThePeriodRuns_AndDocumentsKeepTheirHistory()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        // The half-year running on the pinned day in Vietnam, the calendar the lock rule reads (2026S2).
        var today = App.Clock.VietnamToday();
        var period = Gnbv.Domain.Periods.Period.Parse(FormattableString.Invariant($"{today.Year}S{(today.Month <= 6 ? 1 : 2)}")).Id;
        (await ImportAsync(commune, Work("planned"))).Status.ShouldBe(HttpStatusCode.OK);
        (await StepAsync(commune, "submit", "01290", period, "works")).Status.ShouldBe(HttpStatusCode.OK);
        (await StepAsync(district, "approve", "01290", period, "works")).Status.ShouldBe(HttpStatusCode.OK);
        var (status, body) = await ImportAsync(commune, Work("under-construction"));
        status.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain("danh mục công trình");
        (await StepAsync(district, "reopen", "01290", period, "works", new { reason = "Cập nhật tiến độ" })).Status.ShouldBe(HttpStatusCode.OK);
        (await ImportAsync(commune, Work("under-construction"), "Đã khởi công")).Status.ShouldBe(HttpStatusCode.OK);
        var work = JsonDocument.Parse(await commune.GetStringAsync("/api/v1/audit?entity=work&key=PM-2026-01")).RootElement;
        work[0].GetProperty("changes").GetProperty("Status").EnumerateArray().Select(x => x.GetString()).ShouldBe(["Planned", "UnderConstruction"]);
        work[0].GetProperty("reason").GetString().ShouldBe("Đã khởi công");

        // An unknown data set is a clear 400, not a silent new state.
        (status, body) = await StepAsync(commune, "submit", "01290", period, "households");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("values, capital, works, narrative");

        // A document changed by the district: its subject's old and new text, who and why.
        var document = new { number = "99/KH-UBND", kind = "KH", date = "2023-03-01", issuer = "042", issuerName = "UBND huyện Bảo Lâm", subject = "Kế hoạch giảm nghèo" };
        (await ImportAsync(district, new { documents = new[] { document } })).Status.ShouldBe(HttpStatusCode.OK);
        (await ImportAsync(district, new { documents = new[] { document with { subject = "Kế hoạch giảm nghèo năm 2023" } } }, "Sửa trích yếu")).Status.ShouldBe(HttpStatusCode.OK);
        var doc = JsonDocument.Parse(await district.GetStringAsync("/api/v1/audit?entity=document&key=" + Uri.EscapeDataString("99/KH-UBND"))).RootElement;
        doc.GetArrayLength().ShouldBe(2);
        doc[0].GetProperty("changes").GetProperty("Subject").EnumerateArray().Select(x => x.GetString()).ShouldBe(["Kế hoạch giảm nghèo", "Kế hoạch giảm nghèo năm 2023"]);
        doc[0].GetProperty("reason").GetString().ShouldBe("Sửa trích yếu");
    }
}

public class DataSetLockAndAuditTests_Sqlite() : DataSetLockAndAuditTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class DataSetLockAndAuditTests_Postgres() : DataSetLockAndAuditTests(DatabaseProvider.Postgres);
