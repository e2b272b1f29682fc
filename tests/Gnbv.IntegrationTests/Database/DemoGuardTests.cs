using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain.Users;
using Gnbv.IntegrationTests.Cli;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Database;

/// <summary>
/// The demo goes only into an empty database or one that already holds it: <c>gnbv demo load</c>
/// and the web app's GNBV_DEMO=1 outside Development refuse a database holding data of its own
/// (the web app's refusal as a real process is in <c>StartupErrorTests</c>).
/// </summary>
public abstract class DemoGuardTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Document = """{"documents": [{"number": "12/KH-UBND", "kind": "KH", "date": "2023-02-01", "issuerName": "UBND tỉnh Cao Bằng", "subject": "Kế hoạch năm 2023"}]}""";

    private async Task<DemoTarget> InspectAsync()
    {
        await using var db = Context();
        return await DemoGuard.InspectAsync(db);
    }

    [Fact]
    public async Task Inspect_MigratedDatabaseWithOnlyTheShippedMetadata_IsEmpty()
    {
        (await InspectAsync()).ShouldBe(DemoTarget.Empty);
    }

    [Fact]
    public async Task Inspect_AfterTheDemo_IsDemo()
    {
        await LoadDemoAsync();
        (await InspectAsync()).ShouldBe(DemoTarget.Demo);
    }

    [Fact]
    public async Task Inspect_DocumentOfItsOwn_HoldsData()
    {
        await ImportFileAsync(Document, "van-ban.json");
        (await InspectAsync()).ShouldBe(DemoTarget.HoldsData);
    }

    [Fact]
    public async Task Inspect_UserOfItsOwn_HoldsData()
    {
        await using (var db = Context())
            await db.Service<UserAdmin>().CreateAsync("quantri", "Quản trị", Roles.Admin, null, UserAdmin.GeneratePassword());
        (await InspectAsync()).ShouldBe(DemoTarget.HoldsData);
    }

    [Fact]
    public async Task CliDemoLoad_DatabaseHoldingData_RefusedInOneLine_NothingLoaded()
    {
        await ImportFileAsync(Document, "van-ban.json");
        var load = await CliRunner.RunAsync(Database, "demo", "load");
        load.ExitCode.ShouldBe(1);
        load.Err.Trim().ShouldStartWith("gnbv: gnbv demo load: CSDL đã có dữ liệu");
        load.Err.Trim().ShouldNotContain("\n");
        await using var db = Context();
        (await db.OrgUnits.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task CliDemoLoad_Twice_SecondSkipsWhatIsLoaded_AndChangesNothing()
    {
        (await CliRunner.RunAsync(Database, "demo", "load")).ExitCode.ShouldBe(0);
        int runs, values;
        await using (var db = Context())
            (runs, values) = (await db.ImportRuns.CountAsync(), await db.DataValues.CountAsync());
        var again = await CliRunner.RunAsync(Database, "demo", "load");
        again.ExitCode.ShouldBe(0, again.Err);
        again.Out.ShouldContain("bao-lam-2023S1.json: đã nạp trước đó, bỏ qua");
        await using var after = Context();
        (await after.ImportRuns.CountAsync()).ShouldBe(runs);
        (await after.DataValues.CountAsync()).ShouldBe(values);
    }

    [Fact]
    public async Task WebStartOutsideDevelopment_DemoAskedOnTheDemoDatabase_StartsAndLoadsNothingAgain()
    {
        await LoadDemoAsync();
        int runs;
        await using (var db = Context()) runs = await db.ImportRuns.CountAsync();
        // GnbvApp runs in the Testing environment, with Gnbv:LoadDemo on: as GNBV_DEMO=1 outside Development.
        await using var app = new GnbvApp(Database);
        using var client = app.CreateClient();
        (await client.GetAsync("/health/live")).IsSuccessStatusCode.ShouldBeTrue();
        await using var after = Context();
        (await after.ImportRuns.CountAsync()).ShouldBe(runs);
    }
}

public class DemoGuardTests_Sqlite() : DemoGuardTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class DemoGuardTests_Postgres() : DemoGuardTests(DatabaseProvider.Postgres);
