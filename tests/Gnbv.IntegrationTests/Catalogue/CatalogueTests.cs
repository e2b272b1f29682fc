using Gnbv.Data.Database;
using Gnbv.Domain.Catalogue;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Catalogue;

public abstract class CatalogueTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task Seed_HasTheSevenProjectsOfDecision90_WithTheirSubProjects()
    {
        await using var db = Context();
        var program = await db.ProgramItems.SingleAsync(i => i.Code == "CT2125");
        program.Decision.ShouldBe("90/QĐ-TTg");
        program.Phase.ShouldBe("2021-2025");
        var projects = await db.ProgramItems.Where(i => i.ParentId == program.Id).OrderBy(i => i.SortOrder).Select(i => i.Code).ToListAsync();
        projects.ShouldBe(["DA1", "DA2", "DA3", "DA4", "DA5", "DA6", "DA7"]);
        var subProjects = await db.ProgramItems.Where(i => i.Kind == ProgramItemKind.SubProject && i.ProgramCode == "CT2125")
            .OrderBy(i => i.Code).Select(i => i.Code).ToListAsync();
        subProjects.ShouldBe(["DA1.TDA1", "DA1.TDA2", "DA3.TDA1", "DA3.TDA2", "DA4.TDA1", "DA4.TDA2", "DA4.TDA3", "DA6.TDA1", "DA6.TDA2", "DA7.TDA1", "DA7.TDA2"]);
        (await db.ProgramItems.SingleAsync(i => i.Code == "DA4.TDA2")).Name.ShouldBe("Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng");
        (await db.ProgramItems.SingleAsync(i => i.Code == "DA5")).Name.ShouldBe("Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo");
    }

    [Fact]
    public async Task Seed_Keeps2026ProgramAsASecondCatalogue()
    {
        await using var db = Context();
        var next = await db.ProgramItems.SingleAsync(i => i.Code == "MTQG2635");
        next.Decision.ShouldBe("417/QĐ-BNNMT");
        (await db.ProgramItems.CountAsync(i => i.ProgramCode == "MTQG2635" && i.Kind == ProgramItemKind.Project)).ShouldBeGreaterThan(0);
        (await db.ProgramItems.AnyAsync(i => i.ProgramCode == "MTQG2635" && i.Code.StartsWith("DA"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_CatalogueItemWithUnknownParent_IsRejectedAndNamesTheRow()
    {
        var e = await Should.ThrowAsync<Gnbv.Data.Imports.ImportFailedException>(() => ImportAsync(new()
        {
            Catalogue = [new() { Code = "X1", Name = "Mục thử", Kind = "project", Parent = "KHONG_CO" }],
        }));
        e.Errors.ShouldHaveSingleItem().ToString().ShouldBe("catalogue[0].parent: không có mục cấp trên mã 'KHONG_CO' (unknown parent item)");
        await using var db = Context();
        (await db.ProgramItems.AnyAsync(i => i.Code == "X1")).ShouldBeFalse();
    }
}

public class CatalogueTests_Sqlite() : CatalogueTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public class CatalogueTests_Postgres() : CatalogueTests(DatabaseProvider.Postgres);
