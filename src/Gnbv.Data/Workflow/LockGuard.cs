using Gnbv.Data.Database;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Workflow;
using Gnbv.Domain.Works;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Workflow;

/// <summary>
/// Refuses, inside SaveChanges, any change to records that an approved submission locks, whatever
/// path the change comes by (import, page, API):
/// values and disbursements of the approved period, allocations of its year, report sections of
/// the period, and the works register while an approved period has not ended.
/// </summary>
internal static class LockGuard
{
    private sealed record Touched(int UnitId, string DataSet, int? PeriodId, int? Year);

    public static void Check(AppDbContext db)
    {
        var touched = new List<Touched>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            Touched? t = e.Entity switch
            {
                DataValue v => new(v.OrgUnitId, DataSets.Values, v.PeriodId, null),
                Disbursement d => new(d.OrgUnitId, DataSets.Capital, d.PeriodId, null),
                CapitalAllocation a => new(a.OrgUnitId, DataSets.Capital, null, a.Year),
                ReportSection s => new(s.OrgUnitId, DataSets.Narrative, s.PeriodId, null),
                Work w => new(w.OrgUnitId, DataSets.Works, null, null),
                _ => null,
            };
            if (t is not null && t.UnitId != 0 && t.PeriodId != 0) touched.Add(t);
        }
        Verify(db, touched);
    }

    /// <summary>The same check for values written without the change tracker (set-based writes).</summary>
    public static void CheckValues(AppDbContext db, IEnumerable<(int UnitId, int PeriodId)> values) =>
        Verify(db, values.Distinct().Select(v => new Touched(v.UnitId, DataSets.Values, v.PeriodId, null)).ToList());

    static void Verify(AppDbContext db, List<Touched> touched)
    {
        if (touched.Count == 0) return;
        var unitIds = touched.Select(t => t.UnitId).Distinct().ToList();
        var approved = db.Submissions.AsNoTracking()
            .Where(s => s.State == SubmissionState.Approved && unitIds.Contains(s.OrgUnitId))
            .Select(s => new { s.OrgUnitId, s.PeriodId, s.DataSet, Unit = s.OrgUnit!.Code, Period = s.Period!.Code, s.Period.StartDate, s.Period.EndDate })
            .ToList();
        if (approved.Count == 0) return;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        foreach (var t in touched.Distinct())
        {
            var hit = approved.FirstOrDefault(s => s.OrgUnitId == t.UnitId && s.DataSet == t.DataSet && t switch
            {
                { PeriodId: { } p } => s.PeriodId == p,
                { Year: { } y } => s.StartDate.Year <= y && y <= s.EndDate.Year,
                _ => s.EndDate >= today,
            });
            if (hit is not null)
                throw new WorkflowConflictException(
                    $"{DataSets.Locks(t.DataSet)} của {hit.Unit} đã được duyệt và khóa (kỳ {hit.Period}); cấp trên phải mở lại trước khi sửa (approved data is locked)");
        }
    }
}
