using System.Globalization;
using Gnbv.Data.Concurrency;
using Gnbv.Data.Database;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Values;

/// <summary>A stored value a save compared its row with (version 0: none was stored).</summary>
public sealed record ValueRead(string Key, int IndicatorId, int DisaggregationId, int UnitId, int PeriodId, int ReadVersion);

/// <summary>What another user changed in the values a save was based on.</summary>
public static class ValueConflicts
{
    public const string Kind = "dataValue";

    public static EditConflict Describe(string key, int? expected, DataValue? current)
    {
        if (current is null)
            return new EditConflict(Kind, key, expected, 0, null, null, null,
                $"{key}: giá trị đã bị xóa sau khi bạn mở (deleted meanwhile)");
        var value = VnFormat.Number(current.Value, 6);
        var at = Gnbv.Domain.Time.VietnamClock.ToVietnamTime(current.UpdatedAt).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new EditConflict(Kind, key, expected, current.Version, Decimals.Invariant(current.Value), current.UpdatedBy, current.UpdatedAt,
            $"{key}: {current.UpdatedBy} đã sửa thành {value} lúc {at} (phiên bản {current.Version}, bạn sửa từ phiên bản {expected?.ToString(CultureInfo.InvariantCulture) ?? "?"})");
    }

    /// <summary>After a lost write race (the save rolled back): the values read whose stored version is no longer the one read.</summary>
    public static async Task<List<EditConflict>> FindAsync(AppDbContext db, IReadOnlyList<ValueRead> reads, CancellationToken ct = default)
    {
        if (reads.Count == 0) return [];
        var units = reads.Select(r => r.UnitId).Distinct().ToList();
        var periods = reads.Select(r => r.PeriodId).Distinct().ToList();
        var indicators = reads.Select(r => r.IndicatorId).Distinct().ToList();
        var now = await db.DataValues.AsNoTracking()
            .Where(v => units.Contains(v.OrgUnitId) && periods.Contains(v.PeriodId) && indicators.Contains(v.IndicatorId))
            .ToDictionaryAsync(v => (v.IndicatorId, v.DisaggregationId, v.OrgUnitId, v.PeriodId), ct);
        var conflicts = new List<EditConflict>();
        foreach (var r in reads)
        {
            now.TryGetValue((r.IndicatorId, r.DisaggregationId, r.UnitId, r.PeriodId), out var current);
            if ((current?.Version ?? 0) != r.ReadVersion) conflicts.Add(Describe(r.Key, r.ReadVersion, current));
        }
        return conflicts;
    }
}
