using System.Globalization;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.Data.Households;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.TestData.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.CrashSafety;

/// <summary>
/// `gnbv households support` (a list of loans to households of the register) killed with SIGKILL
/// after its records, monthly figures and audit entry are written, before the commit: the database
/// is as before; the import run again completes and gives what it gives on an untouched copy.
/// </summary>
public abstract class SupportImportCrashTests(DatabaseProvider provider) : CrashTest(provider)
{
    const int Loans = 6;

    [Fact]
    public async Task Import_KilledBeforeCommit_LeavesDatabaseAsBeforeAndRerunCompletes()
    {
        await using (var db = Context()) await DemoHouseholds.LoadAsync(db, "042", count: 20, seed: 1, years: [2022]);
        var list = new StringBuilder("household_code,commune,kind,funding_source,amount,date\n");
        await using (var db = Context())
        {
            var households = await db.Households.AsNoTracking().OrderBy(h => h.Code).Take(Loans)
                .Select(h => new { h.Code, Commune = h.OrgUnit!.Code }).ToListAsync();
            households.Count.ShouldBe(Loans);
            foreach (var (h, i) in households.Select((h, i) => (h, i)))
                list.Append(CultureInfo.InvariantCulture, $"{h.Code},{h.Commune},credit,TD_CS,{(i + 1) * 10_000_000},{i + 10}/0{i % 3 + 1}/2023\n");
        }
        using var file = Write(".csv", list.ToString());

        await KilledAtThenRerunAsync(FailPoints.SupportBeforeCommit, "households", "support", file.Path, "--reason", "crash test");

        await using var check = Context();
        (await check.SupportRecords.CountAsync()).ShouldBe(Loans);
        (await check.AuditEntries.CountAsync(a => a.EntityKey == Path.GetFileName(file.Path))).ShouldBe(1);
    }
}

public sealed class SupportImportCrashTests_Sqlite() : SupportImportCrashTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class SupportImportCrashTests_Postgres() : SupportImportCrashTests(DatabaseProvider.Postgres);
