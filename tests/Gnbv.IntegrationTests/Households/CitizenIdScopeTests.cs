using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Users;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>
/// Issue 15 item 10: a citizen ID already in another commune's household. Inside the importer's
/// subtree the error names that household (to be split off first); outside it, only that the
/// number is registered elsewhere: neither the household's code nor its commune, and the attempt
/// stays in the audit although the import itself is rolled back.
/// </summary>
public abstract class CitizenIdScopeTests(DatabaseProvider provider) : RegistryTest(provider)
{
    private const string Header = "Mã hộ,Mã xã,\"Thôn, bản\",Khu vực,Năm rà soát,Thu nhập bình quân,Họ và tên,Năm sinh,Giới tính,Quan hệ với chủ hộ,Số CCCD";

    // Pác Miầu's household holding the number.
    private const string PacMiau = Header + "\nPM-BIMAT-7,01290,Tổ 1,Thành thị,2023,2500000,Nguyễn Thị Lan,1985,Nữ,Chủ hộ,004185000004\n";

    // Lý Bôn's officer lists someone with that number.
    private const string LyBon = Header + "\nLB-100,01294,Nà Mòn,Nông thôn,2023,1200000,Lý Văn Pà,1970,Nam,Chủ hộ,004185000004\n";

    private async Task<Actor> ActorAsync(string name, string role, string unit)
    {
        await using var db = Context();
        var u = await db.OrgUnits.SingleAsync(x => x.Code == unit);
        return new Actor(name, role, u.Id, u.Path);
    }

    [Fact]
    public async Task ACitizenIdOfAnotherCommune_ToACommuneOfficer_IsOnlyRegisteredElsewhere_AndTheAttemptIsAudited()
    {
        await ImportCsvAsync(PacMiau);
        var officer = await ActorAsync("lybon", Roles.CommuneOfficer, "01294");

        var failed = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync(LyBon, officer, "lb.csv"));

        var error = failed.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(2);
        error.Field.ShouldBe("citizen_id");
        error.Message.ShouldContain("đã được đăng ký ở đơn vị khác");
        foreach (var leak in new[] { "PM-BIMAT-7", "Pác Miầu", "01290", "004185000004" })
            failed.Message.ShouldNotContain(leak, Case.Insensitive, $"the refusal tells the officer '{leak}'");
        await using var db = Context();
        (await db.Households.AnyAsync(h => h.Code == "LB-100")).ShouldBeFalse("nothing of the import is written");
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == AuditEntities.HouseholdImport && a.Action == "refused");
        audit.ChangedBy.ShouldBe("lybon");
        audit.EntityKey.ShouldBe("lb.csv");
        audit.OrgUnitId.ShouldBe(officer.UnitId);
        audit.Changes.ShouldContain("\"citizenIdsRegisteredElsewhere\":1");
        audit.Changes.ShouldNotContain("004185000004");
    }

    [Fact]
    public async Task ACitizenIdInsideTheSubtree_ToTheDistrictOfficer_NamesTheHouseholdToSplitFrom()
    {
        await ImportCsvAsync(PacMiau);
        var district = await ActorAsync("baolam", Roles.DistrictOfficer, "042");

        var failed = await Should.ThrowAsync<ImportFailedException>(() => ImportCsvAsync(LyBon, district));

        failed.Errors.ShouldHaveSingleItem().Message.ShouldContain("đã thuộc hộ 'PM-BIMAT-7' (Pác Miầu)");
        await using var db = Context();
        (await db.AuditEntries.AnyAsync(a => a.Action == "refused")).ShouldBeFalse("a conflict inside one's own subtree is an ordinary row error");
    }

    [Fact]
    public async Task TheSameRefusal_ThroughTheWebImport_SaysOnlyRegisteredElsewhere()
    {
        await using (var db = Context())
            await db.Service<UserAdmin>().CreateAsync("lybon", "Cán bộ Lý Bôn", Roles.CommuneOfficer, "01294", UserAdmin.GeneratePassword());
        await ImportCsvAsync(PacMiau);
        await using var app = new GnbvApp(Database, loadDemo: false);
        using var officer = await app.ClientAsAsync("lybon");

        using var upload = await officer.PostAsync("/api/v1/households/import",
            new MultipartFormDataContent { { new StringContent(LyBon), "file", "lb.csv" } });
        upload.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await upload.Content.ReadAsStringAsync());
        var job = System.Text.Json.JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("job").GetString();
        var status = "";
        // Until the job says it is done; the bound only stops a hang.
        for (var i = 0; i < 3000 && !status.Contains("\"done\":true", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            status = await officer.GetStringAsync($"/api/v1/households/import/{job}");
        }

        status.ShouldContain("đã được đăng ký ở đơn vị khác");
        foreach (var leak in new[] { "PM-BIMAT-7", "Pác Miầu", "01290" }) status.ShouldNotContain(leak);
    }
}

public class CitizenIdScopeTests_Sqlite() : CitizenIdScopeTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class CitizenIdScopeTests_Postgres() : CitizenIdScopeTests(DatabaseProvider.Postgres);
