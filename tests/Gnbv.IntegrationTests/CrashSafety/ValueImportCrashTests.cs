using System.Text;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.Data.Imports;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// `gnbv import` of a package of values over communes that already hold some (it updates, adds and
/// deletes), killed with SIGKILL after every value, change-log row and the import run are written,
/// before the commit: the database is as before; the import run again completes and gives what it
/// gives on an untouched copy.
/// </summary>
public abstract class ValueImportCrashTests(DatabaseProvider provider) : CrashTest(provider)
{
    /// <summary>Two figures in each of the two communes.</summary>
    static readonly (string Indicator, string Unit)[] Keys =
        [("CS.TD_HO_NGHEO_LUOT", "01290"), ("CS.TD_HO_NGHEO_LUOT", "01294"), ("CS.TD_HO_NGHEO_SO_TIEN", "01290"), ("CS.TD_HO_NGHEO_SO_TIEN", "01294")];

    [Fact]
    public async Task Import_KilledBeforeCommit_LeavesDatabaseAsBeforeAndRerunCompletes()
    {
        // Before: the halves of 2023. The import: 2023S1 deleted, 2023S2 changed, the halves of 2024 added.
        await ImportAsync(ImportFileReader.Read(Encoding.UTF8.GetBytes(Package(["2023S1", "2023S2"], _ => "1")), "earlier.json"));
        using var file = Write(".json", Package(["2023S1", "2023S2", "2024S1", "2024S2"], p => p == "2023S1" ? "" : "2"));

        await KilledAtThenRerunAsync(FailPoints.PackageBeforeCommit, "import", file.Path, "--reason", "crash test");

        await using var check = Context();
        (await check.DataValueChanges.CountAsync(c => c.Reason == "crash test")).ShouldBe(4 * Keys.Length, "one delete, one update and two inserts per key");
        (await check.ImportRuns.CountAsync(r => r.Source == Path.GetFileName(file.Path))).ShouldBe(1);
    }

    static string Package(string[] periods, Func<string, string> value) =>
        JsonSerializer.Serialize(new
        {
            format = ImportPackage.FormatName,
            dataValues = from p in periods
                         from k in Keys
                         select new { dataElement = k.Indicator, period = p, orgUnit = k.Unit, disaggregation = "total", value = value(p) },
        });
}

public sealed class ValueImportCrashTests_Sqlite() : ValueImportCrashTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class ValueImportCrashTests_Postgres() : ValueImportCrashTests(DatabaseProvider.Postgres);
