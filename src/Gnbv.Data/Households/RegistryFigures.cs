using System.Globalization;
using Gnbv.Data.Database;
using Gnbv.Domain.Households;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gnbv.Data.Households;

/// <summary>Counts of one unit in one census round, and its transitions from the round before.</summary>
public sealed class RegistryCounts
{
    /// <summary>[status][disaggregation]: status 0..3 as <see cref="HouseholdStatus"/>; disaggregation total, rural, urban, ethnic-minority.</summary>
    public long[,] ByStatus { get; } = new long[4, 4];
    public long[] Deprived { get; } = new long[32];
    public long PoorBefore, PoorAfter, Escaped, NewlyPoor, FellBack, NearPoorToPoor, PoorToNearPoor, LeftRegistryPoor, ExpectedEscape;
    public long NearPoorBefore, NearPoorAfter, TotalBefore;
    public bool HasPrevious;

    public long Total(int d) => ByStatus[0, d] + ByStatus[1, d] + ByStatus[2, d] + ByStatus[3, d];

    /// <summary>Poor households that entered since the round before: newly poor (including households new to the registry) + fell back.</summary>
    public long EnteredPoor => NewlyPoor + FellBack;

    /// <summary>Poor households that left: escaped, or no longer in the registry (moved, merged, died out).</summary>
    public long ExitedPoor => Escaped + LeftRegistryPoor;

    public void Add(RegistryCounts o)
    {
        for (var s = 0; s < 4; s++) for (var d = 0; d < 4; d++) ByStatus[s, d] += o.ByStatus[s, d];
        for (var i = 0; i < Deprived.Length; i++) Deprived[i] += o.Deprived[i];
        PoorBefore += o.PoorBefore; PoorAfter += o.PoorAfter; Escaped += o.Escaped; NewlyPoor += o.NewlyPoor; FellBack += o.FellBack;
        NearPoorToPoor += o.NearPoorToPoor; PoorToNearPoor += o.PoorToNearPoor; LeftRegistryPoor += o.LeftRegistryPoor; ExpectedEscape += o.ExpectedEscape;
        NearPoorBefore += o.NearPoorBefore; NearPoorAfter += o.NearPoorAfter; TotalBefore += o.TotalBefore;
        HasPrevious |= o.HasPrevious;
    }

    public static decimal Rate(long part, long whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The registry's figures by unit and census year: households by status (total, rural, urban,
/// ethnic minority), deprivations of poor and near-poor households per indicator, and the
/// transitions from the previous round (escaped, newly poor, fell back, near-poor ↔ poor). Computed
/// with one GROUP BY per round over the communes, then summed up the unit tree.
/// </summary>
public sealed class RegistryFigures(AppDbContext db)
{
    const int Poor = (int)HouseholdStatus.Poor, NearPoor = (int)HouseholdStatus.NearPoor;

    /// <summary>Counts per commune that holds households with a census entry in the year or the year before.</summary>
    public async Task<Dictionary<int, RegistryCounts>> ByCommuneAsync(int year, CancellationToken ct = default)
    {
        var result = new Dictionary<int, RegistryCounts>();
        RegistryCounts Of(int unit) => result.TryGetValue(unit, out var c) ? c : result[unit] = new RegistryCounts();
        var conn = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);

        var bits = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"SUM(CASE WHEN c.\"Status\" >= {NearPoor} AND (c.\"DeprivedMask\" & {1 << i}) <> 0 THEN 1 ELSE 0 END)"));
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandTimeout = 0;
            cmd.CommandText = $"""
                SELECT h."OrgUnitId", c."Status", h."Area", h."EthnicMinority", COUNT(*), SUM(CASE WHEN c."ExpectedEscape" THEN 1 ELSE 0 END), {bits}
                FROM census_entries c JOIN households h ON h."Id" = c."HouseholdId"
                WHERE c."Year" = {year.ToString(CultureInfo.InvariantCulture)}
                GROUP BY h."OrgUnitId", c."Status", h."Area", h."EthnicMinority"
                """;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var c = Of(r.GetInt32(0));
                var status = r.GetInt32(1);
                var urban = r.GetInt32(2) == (int)Area.Urban;
                var minority = r.GetBoolean(3);
                var n = r.GetInt64(4);
                c.ByStatus[status, 0] += n;
                c.ByStatus[status, urban ? 2 : 1] += n;
                if (minority) c.ByStatus[status, 3] += n;
                if (status == Poor) c.PoorAfter += n;
                if (status == NearPoor) c.NearPoorAfter += n;
                c.ExpectedEscape += r.GetInt64(5);
                for (var i = 0; i < 12; i++) c.Deprived[i] += r.GetInt64(6 + i);
            }
        }
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandTimeout = 0;
            var y = year.ToString(CultureInfo.InvariantCulture);
            var y1 = (year - 1).ToString(CultureInfo.InvariantCulture);
            cmd.CommandText = $"""
                SELECT h."OrgUnitId", COALESCE(cur."Status", -1), prev."Status",
                       CASE WHEN cur."Status" = {Poor} AND prev."Status" <> {Poor}
                            THEN EXISTS (SELECT 1 FROM census_entries e WHERE e."HouseholdId" = h."Id" AND e."Year" < {y1} AND e."Status" = {Poor})
                            ELSE false END,
                       COUNT(*)
                FROM census_entries prev
                JOIN households h ON h."Id" = prev."HouseholdId"
                LEFT JOIN census_entries cur ON cur."HouseholdId" = prev."HouseholdId" AND cur."Year" = {y}
                WHERE prev."Year" = {y1}
                GROUP BY 1, 2, 3, 4
                """;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var c = Of(r.GetInt32(0));
                int cur = r.GetInt32(1), prev = r.GetInt32(2);
                var fellBack = r.GetBoolean(3);
                var n = r.GetInt64(4);
                c.HasPrevious = true;
                c.TotalBefore += n;
                if (prev == Poor) c.PoorBefore += n;
                if (prev == NearPoor) c.NearPoorBefore += n;
                if (cur == -1) { if (prev == Poor) c.LeftRegistryPoor += n; continue; }
                if (prev == Poor && cur != Poor) c.Escaped += n;
                if (prev != Poor && cur == Poor && fellBack) c.FellBack += n;
                if (prev == NearPoor && cur == Poor) c.NearPoorToPoor += n;
                if (prev == Poor && cur == NearPoor) c.PoorToNearPoor += n;
            }
        }
        // Households poor this round with no entry the round before: newly poor (the registry gained them).
        foreach (var c in result.Values)
        {
            var known = c.Escaped + c.LeftRegistryPoor;
            var stayed = c.PoorBefore - known;
            var entered = c.PoorAfter - stayed;
            c.NewlyPoor = entered - c.FellBack;
        }
        return result;
    }

    /// <summary>The communes under a unit (or the unit itself) that have registry counts for the year, by code.</summary>
    public async Task<List<(OrgUnit Commune, RegistryCounts Counts)>> CommunesUnderAsync(OrgUnit unit, int year, CancellationToken ct = default)
    {
        var byCommune = await ByCommuneAsync(year, ct);
        var ids = byCommune.Keys.ToList();
        var communes = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Path.StartsWith(unit.Path)).OrderBy(u => u.Code).ToListAsync(ct);
        return communes.Select(u => (u, byCommune[u.Id])).ToList();
    }

    /// <summary>The counts of a unit's subtree (a commune's own, or summed over the communes below it); null without a registry.</summary>
    public async Task<RegistryCounts?> ForUnitAsync(OrgUnit unit, int year, CancellationToken ct = default) =>
        Sum((await CommunesUnderAsync(unit, year, ct)).Select(c => c.Counts));

    public static RegistryCounts? Sum(IEnumerable<RegistryCounts> counts)
    {
        RegistryCounts? total = null;
        foreach (var c in counts) (total ??= new RegistryCounts()).Add(c);
        return total;
    }
}
