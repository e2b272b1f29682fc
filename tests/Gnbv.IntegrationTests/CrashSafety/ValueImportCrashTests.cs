using System.Globalization;
using System.Text;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// `gnbv import` of a package of many data values over a unit's communes that already hold a year of
/// figures (it updates, adds and deletes), killed with SIGKILL while it writes the values: the database
/// is as before; the import run again completes and gives what it gives on an untouched copy.
/// </summary>
public abstract class ValueImportCrashTests(DatabaseProvider provider, int months) : DatabaseTest(provider)
{
    [Fact]
    public async Task Import_KilledWhileWritingValues_LeavesDatabaseAsBeforeAndRerunCompletes()
    {
        await LoadDemoAsync();
        var keys = await KeysAsync();
        // Before: the first months' figures. The import: a month of them deleted, the rest changed, and as many months again added.
        var earlier = Months(2019, months);
        await ImportAsync(ImportFileReader.Read(Encoding.UTF8.GetBytes(Package(keys, earlier, _ => "1")), "earlier.json"));
        var file = Path.Combine(Path.GetTempPath(), $"gnbv-crash-values-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Package(keys, Months(2019, 2 * months), p => p == earlier[0] ? "" : "2"));
        try
        {
            await using var untouched = await DatabaseCopy.CreateAsync(Database);
            var before = await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: true);
            var app = "gnbv-crash-" + Guid.NewGuid().ToString("N")[..8];

            using (var cli = CliProcess.Start(Database, app, "import", file, "--reason", "crash test"))
            {
                await cli.WaitUntilAsync(() => CrashProbe.WritingAsync(Database, app, "data_values"), "its transaction had written");
                await cli.KillAsync();
            }
            await CrashProbe.AssertLeftCleanAsync(Database, app);
            (await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: true)).ShouldBe(before);

            using (var rerun = CliProcess.Start(Database, app, "import", file, "--reason", "crash test"))
                (await rerun.ExitAsync()).ShouldBe(0, rerun.Err);
            using (var reference = CliProcess.Start(untouched.Provider, untouched.ConnectionString, app + "-ref", "import", file, "--reason", "crash test"))
                (await reference.ExitAsync()).ShouldBe(0, reference.Err);

            (await DatabaseState.ReadAsync(Provider, Database.ConnectionString, exact: false))
                .ShouldBe(await DatabaseState.ReadAsync(Provider, untouched.ConnectionString, exact: false));
            await using var check = Context();
            var added = keys.Count * months;
            (await check.DataValueChanges.CountAsync(c => c.Reason == "crash test")).ShouldBe(2 * added);
            (await check.ImportRuns.CountAsync(r => r.Source == Path.GetFileName(file))).ShouldBe(1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    static List<string> Months(int fromYear, int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"{fromYear + i / 12}{i % 12 + 1:00}")];

    /// <summary>Every commune of the district with every figure it can hold (indicators with their disaggregations), not the registry's own.</summary>
    async Task<List<(string Indicator, string Disaggregation, string Unit)>> KeysAsync()
    {
        await using var db = Context();
        var root = await db.Service<UnitResolver>().ResolveAsync("042", Period.Year(2020));
        var communes = await db.Service<RegistryUnits>().CommunesUnderAsync(root, new DateOnly(2020, 12, 31));
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Disaggregations).ThenInclude(d => d.Disaggregation)
            .Where(i => !i.Code.StartsWith("HN.") && !i.Code.StartsWith("MT.")).OrderBy(i => i.Code).ToListAsync();
        return [.. from i in indicators
                   from d in i.Disaggregations.Count == 0 ? ["total"] : i.Disaggregations.Select(x => x.Disaggregation!.Code)
                   from u in communes
                   select (i.Code, d, u.Code)];
    }

    static string Package(List<(string Indicator, string Disaggregation, string Unit)> keys, List<string> periods, Func<string, string> value) =>
        JsonSerializer.Serialize(new
        {
            format = ImportPackage.FormatName,
            dataValues = from p in periods
                         from k in keys
                         select new { dataElement = k.Indicator, period = p, orgUnit = k.Unit, disaggregation = k.Disaggregation, value = value(p) },
        });
}

public sealed class ValueImportCrashTests_Sqlite() : ValueImportCrashTests(DatabaseProvider.Sqlite, months: 2);

[Trait(Db.Trait, Db.Postgres)]
public sealed class ValueImportCrashTests_Postgres() : ValueImportCrashTests(DatabaseProvider.Postgres, months: 12);
