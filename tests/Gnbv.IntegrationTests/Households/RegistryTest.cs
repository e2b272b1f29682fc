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
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Households;

/// <summary>A database with the demo district's units (no demo figures), and helpers to import household lists and read rolled-up figures.</summary>
public abstract class RegistryTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    const string Units = """
        { "orgUnits": [
          { "code": "04", "name": "Cao Bằng", "kind": "province" },
          { "code": "042", "name": "Bảo Lâm", "kind": "district", "parent": "04" },
          { "code": "01290", "name": "Pác Miầu", "kind": "town", "parent": "042" },
          { "code": "01294", "name": "Lý Bôn", "kind": "commune", "parent": "042" } ] }
        """;

    protected async Task<HouseholdImportResult> ImportCsvAsync(string csv, Actor? actor = null, string name = "danh-sach.csv", bool dryRun = false)
    {
        await using var db = Context();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await db.Service<HouseholdImporter>().ImportAsync(stream, name, new HouseholdImportOptions(actor ?? Actor.System, DryRun: dryRun));
    }

    protected async Task<decimal?> RolledUpAsync(string unit, string period, string indicator, string disaggregation = "total")
    {
        await using var db = Context();
        var u = await db.OrgUnits.SingleAsync(x => x.Code == unit);
        var ind = await db.Indicators.SingleAsync(i => i.Code == indicator);
        var dis = await db.Disaggregations.SingleAsync(d => d.Code == disaggregation);
        return (await db.Service<ValueRollup>().ComputeAsync(u, Period.Parse(period))).SingleOrDefault(v => v.IndicatorId == ind.Id && v.DisaggregationId == dis.Id)?.Value;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportFileAsync(Units, "units.json");
    }
}
