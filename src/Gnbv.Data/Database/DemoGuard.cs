using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

/// <summary>What a database holds, as far as loading the demo into it goes.</summary>
public enum DemoTarget
{
    /// <summary>Nothing but the shipped metadata (catalogue, indicators, rules, standards).</summary>
    Empty,

    /// <summary>The demo was loaded into it before: loading it again changes nothing (or brings a newer demo).</summary>
    Demo,

    /// <summary>Units, users, documents or imports that are not the demo's: someone's data.</summary>
    HoldsData,
}

/// <summary>
/// Where the demo may go. The demo brings units, figures and five users with a password printed in
/// the README: loaded into a database that holds real data, it would mix invented figures into real
/// reports and open accounts anyone can guess. So it goes only into an empty database or one that
/// already holds it; the web app's GNBV_DEMO=1 outside Development and <c>gnbv demo load</c> refuse
/// anything else with <see cref="Refusal"/>.
/// </summary>
public static class DemoGuard
{
    // The sources DemoData and DatabaseInitializer record in import_runs for the demo's files and the shipped metadata.
    private const string DemoSource = "demo:";
    private const string SeedSource = "seed:";

    public static async Task<DemoTarget> InspectAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ImportRuns.AnyAsync(r => r.Source.StartsWith(DemoSource), ct)) return DemoTarget.Demo;
        // Every figure, work, household or report text belongs to a unit; documents and users need not.
        var holdsData = await db.OrgUnits.AnyAsync(ct)
                        || await db.Users.AnyAsync(ct)
                        || await db.Documents.AnyAsync(ct)
                        || await db.ImportRuns.AnyAsync(r => !r.Source.StartsWith(SeedSource), ct);
        return holdsData ? DemoTarget.HoldsData : DemoTarget.Empty;
    }

    /// <summary>The one line that refuses the demo; <paramref name="how"/> names what asked for it (GNBV_DEMO=1, gnbv demo load).</summary>
    public static string Refusal(string how) =>
        $"{how}: CSDL đã có dữ liệu, không nạp dữ liệu mẫu vào (the database already holds data; the demo loads only into an empty database " +
        "or one that already holds the demo: use a new database)";
}
