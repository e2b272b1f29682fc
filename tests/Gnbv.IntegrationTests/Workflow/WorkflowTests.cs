using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Workflow;

public abstract class WorkflowTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task<(HttpStatusCode, string)> StepAsync(HttpClient client, string action, string unit, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/workflow/{action}?orgUnit={unit}&period=2023S1", body ?? new { });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string State(string json) => JsonDocument.Parse(json).RootElement.GetProperty("state").GetString()!;

    [Fact]
    public async Task Commune_SubmitsDistrictApproves_ThenTheDataIsLocked_UntilReopened()
    {
        using var commune = await App.ClientAsAsync("pacmiau");
        using var district = await App.ClientAsAsync("baolam");
        var value = new { dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value = "5" } } };
        (await commune.PostAsJsonAsync("/api/v1/dataValueSets", value)).EnsureSuccessStatusCode();

        var (status, body) = await StepAsync(commune, "approve", "01290");
        status.ShouldBe(HttpStatusCode.Forbidden, "a commune cannot approve itself");
        (status, body) = await StepAsync(district, "approve", "01290");
        status.ShouldBe(HttpStatusCode.Conflict, "nothing submitted yet");
        (status, body) = await StepAsync(commune, "submit", "01290");
        status.ShouldBe(HttpStatusCode.OK, body);
        State(body).ShouldBe("submitted");
        (status, body) = await StepAsync(district, "approve", "01290");
        State(body).ShouldBe("approved");

        var change = new { dataValues = new[] { new { dataElement = "CS.TD_HO_NGHEO_LUOT", period = "2023S1", orgUnit = "01290", value = "6" } } };
        var locked = await commune.PostAsJsonAsync("/api/v1/dataValueSets", change);
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("đã được duyệt và khóa");

        (status, body) = await StepAsync(district, "reopen", "01290", new { reason = "Xã đề nghị sửa số liệu" });
        State(body).ShouldBe("draft");
        (await commune.PostAsJsonAsync("/api/v1/dataValueSets", change)).EnsureSuccessStatusCode();

        var history = JsonDocument.Parse(await commune.GetStringAsync("/api/v1/workflow?orgUnit=01290&period=2023S1")).RootElement.GetProperty("history");
        history.EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}:{e.GetProperty("actor").GetString()}")
            .ShouldBe(["draft>submitted:pacmiau", "submitted>approved:baolam", "approved>draft:baolam"]);
        history[2].GetProperty("reason").GetString().ShouldBe("Xã đề nghị sửa số liệu");
    }

    [Fact]
    public async Task Submit_WithErrorViolations_IsRefused_UnlessEachIsExplained()
    {
        using var district = await App.ClientAsAsync("baolam");
        var (status, body) = await StepAsync(district, "submit", "042");
        status.ShouldBe(HttpStatusCode.Conflict);
        body.ShouldContain("R01_PARTS_POVERTY");
        (status, body) = await StepAsync(district, "submit", "042", new { explanations = new Dictionary<string, string> { ["R01_PARTS_POVERTY"] = "Báo cáo gốc ghi như vậy" } });
        status.ShouldBe(HttpStatusCode.Conflict);
        body.ShouldNotContain("R01_PARTS_POVERTY");
        (status, body) = await StepAsync(district, "submit", "042", new
        {
            explanations = new Dictionary<string, string>
            {
                ["R01_PARTS_POVERTY"] = "Báo cáo gốc ghi như vậy",
                ["R04_DA5_STATUS_LE_SUPPORTED"] = "Đang rà soát lại",
                ["R06_RICE_NORM_TET"] = "Thiếu một chữ số khi nhập",
            },
        });
        status.ShouldBe(HttpStatusCode.OK, body);
        await using var db = Context();
        var submitted = await db.Submissions.Include(s => s.Events).SingleAsync();
        submitted.Events.Single().Reason!.ShouldContain("R06_RICE_NORM_TET: Thiếu một chữ số khi nhập");
    }

    [Fact]
    public async Task Return_NeedsAReason_AndAllowsSubmittingAgain()
    {
        using var commune = await App.ClientAsAsync("lybon");
        using var district = await App.ClientAsAsync("baolam");
        (await StepAsync(commune, "submit", "01294")).Item1.ShouldBe(HttpStatusCode.OK);
        (await StepAsync(district, "return", "01294")).Item1.ShouldBe(HttpStatusCode.BadRequest);
        var (status, body) = await StepAsync(district, "return", "01294", new { reason = "Thiếu số liệu Dự án 5" });
        State(body).ShouldBe("returned");
        (await StepAsync(commune, "submit", "01294")).Item1.ShouldBe(HttpStatusCode.OK);
        (await StepAsync(commune, "reopen", "01294")).Item1.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public class WorkflowTests_Sqlite() : WorkflowTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class WorkflowTests_Postgres() : WorkflowTests(DatabaseProvider.Postgres);
