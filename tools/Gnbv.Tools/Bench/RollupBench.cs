using System.Diagnostics;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Values;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gnbv.Tools.Bench;

public sealed record RollupMeasure(double GnbvMs, double SqlMs, int Provinces, bool Match, string Detail);

/// <summary>
/// Household status and indicator values rolled up to communes, provinces and the nation, the way
/// GNBV does it (the registry's GROUP BY per commune, then <see cref="ValueRollup"/> for the nation
/// and each province), against hand-written SQL GROUP BY GROUPING SETS over the same tables. Both
/// must give the same national totals; the bench says so when they do not.
/// </summary>
public static class RollupBench
{
    public static async Task<RollupMeasure> RunAsync(AppDbContext db, string connection, OrgUnit nation, int year, int runs, CancellationToken ct)
    {
        var period = Period.Year(year);
        var provinces = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == nation.Id && u.Kind == UnitKind.Province).ToListAsync(ct);
        var sumIds = await db.Indicators.AsNoTracking().Where(i => i.Aggregation == AggregationType.Sum).Select(i => i.Id).ToArrayAsync(ct);

        IReadOnlyList<RolledUpValue> national = [];
        long gnbvPoor = 0;
        var gnbv = await Median(runs, async () =>
        {
            var communes = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RegistryFigures>(Gnbv.Data.CoreServices.Over(db)).ByCommuneAsync(year, ct);
            gnbvPoor = communes.Values.Sum(c => c.ByStatus[3, 0]);
            national = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ValueRollup>(Gnbv.Data.CoreServices.Over(db)).ComputeAsync(nation, period, ct);
            foreach (var province in provinces) await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ValueRollup>(Gnbv.Data.CoreServices.Over(db)).ComputeAsync(province, period, ct);
        });

        var sqlValues = new Dictionary<(int, int), decimal>();
        long sqlPoor = 0;
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        var sql = await Median(runs, async () =>
        {
            sqlValues.Clear();
            await using (var cmd = new NpgsqlCommand("""
                SELECT u."ProvinceCode", h."OrgUnitId", c."Status", count(*)
                FROM census_entries c JOIN households h ON h."Id" = c."HouseholdId" JOIN org_units u ON u."Id" = h."OrgUnitId"
                WHERE c."Year" = @year AND u."Path" LIKE @path
                GROUP BY GROUPING SETS ((u."ProvinceCode", h."OrgUnitId", c."Status"), (u."ProvinceCode", c."Status"), (c."Status"))
                """, conn))
            {
                cmd.Parameters.AddWithValue("year", year);
                cmd.Parameters.AddWithValue("path", nation.Path + "%");
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                    if (r.IsDBNull(0) && r.IsDBNull(1) && r.GetInt32(2) == 3) sqlPoor = r.GetInt64(3);
            }
            await using (var cmd = new NpgsqlCommand("""
                SELECT u."ProvinceCode", v."IndicatorId", v."DisaggregationId", sum(v."Value")
                FROM data_values v JOIN org_units u ON u."Id" = v."OrgUnitId" JOIN periods p ON p."Id" = v."PeriodId"
                WHERE p."StartDate" >= @start AND p."EndDate" <= @end AND u."Path" LIKE @path AND v."IndicatorId" = ANY(@ids)
                GROUP BY GROUPING SETS ((u."ProvinceCode", v."IndicatorId", v."DisaggregationId"), (v."IndicatorId", v."DisaggregationId"))
                """, conn))
            {
                cmd.Parameters.AddWithValue("start", period.Start);
                cmd.Parameters.AddWithValue("end", period.End);
                cmd.Parameters.AddWithValue("path", nation.Path + "%");
                cmd.Parameters.AddWithValue("ids", sumIds);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                    if (r.IsDBNull(0)) sqlValues[(r.GetInt32(1), r.GetInt32(2))] = r.GetDecimal(3);
            }
        });

        var ours = national.Where(v => sumIds.Contains(v.IndicatorId)).ToDictionary(v => (v.IndicatorId, v.DisaggregationId), v => v.Value);
        var differ = sqlValues.Where(kv => !ours.TryGetValue(kv.Key, out var v) || v != kv.Value).Select(kv => kv.Key).ToList();
        var match = differ.Count == 0 && ours.Count == sqlValues.Count && gnbvPoor == sqlPoor;
        var detail = $"{sqlValues.Count} national sums, {ours.Count} from GNBV, {differ.Count} differ; poor households {gnbvPoor} vs {sqlPoor}";
        return new RollupMeasure(gnbv, sql, provinces.Count, match, detail);
    }

    /// <summary>Runs once to warm up, then <paramref name="runs"/> times; the median in milliseconds.</summary>
    public static async Task<double> Median(int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
