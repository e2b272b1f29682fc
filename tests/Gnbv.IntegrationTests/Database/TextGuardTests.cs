using Gnbv.Data.Database;
using Gnbv.Domain;
using Gnbv.Domain.Units;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Database;

/// <summary>
/// The last line of the text check (issue 15, item 5): a control character that reached an entity
/// by a path with no check of its own is refused by SaveChanges on both databases, naming the
/// column, instead of being stored on SQLite and a 500 on PostgreSQL.
/// </summary>
public abstract class TextGuardTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Theory]
    [InlineData("Xã\u0000Một")]
    [InlineData("Xã\u001BMột")]
    public async Task SaveChanges_ControlCharacterInAnyTextColumn_IsRefusedNamingTheColumn(string name)
    {
        await using (var db = Context())
        {
            db.OrgUnits.Add(new OrgUnit { Code = "TG-1", Name = name, Kind = UnitKind.Commune, Path = "/TG-1/" });
            var e = await Should.ThrowAsync<DomainException>(() => db.SaveChangesAsync());
            e.Message.ShouldContain("OrgUnit.Name");
        }
        await using (var db = Context())
        {
            (await db.OrgUnits.AnyAsync(u => u.Code == "TG-1")).ShouldBeFalse();
            db.OrgUnits.Add(new OrgUnit { Code = "TG-1", Name = "Xã\r\n\tMột", Kind = UnitKind.Commune, Path = "/TG-1/" });
            await db.SaveChangesAsync();
        }
        await using (var db = Context())
        {
            var unit = await db.OrgUnits.SingleAsync(u => u.Code == "TG-1");
            unit.Name.ShouldBe("Xã\r\n\tMột");
            unit.Name = name;
            (await Should.ThrowAsync<DomainException>(() => db.SaveChangesAsync())).Message.ShouldContain("OrgUnit.Name");
        }
    }
}

public sealed class TextGuardTests_Sqlite() : TextGuardTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class TextGuardTests_Postgres() : TextGuardTests(DatabaseProvider.Postgres);
