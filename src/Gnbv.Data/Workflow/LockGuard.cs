using Gnbv.Data.Database;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Time;
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

    private sealed record Approved(int OrgUnitId, int PeriodId, string DataSet, string Unit, string Period, DateOnly StartDate, DateOnly EndDate);

    public static void Check(AppDbContext db, TimeProvider clock)
    {
        var touched = Touches(db);
        if (touched.Count == 0) return;
        Refuse(touched, ApprovedOf(db, touched).ToList(), clock.VietnamToday());
    }

    public static async Task CheckAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var touched = Touches(db);
        if (touched.Count == 0) return;
        Refuse(touched, await ApprovedOf(db, touched).ToListAsync(ct), clock.VietnamToday());
    }

    /// <summary>The same check for values written without the change tracker (set-based writes).</summary>
    public static void CheckValues(AppDbContext db, TimeProvider clock, IEnumerable<(int UnitId, int PeriodId)> values)
    {
        var touched = values.Distinct().Select(v => new Touched(v.UnitId, DataSets.Values, v.PeriodId, null)).ToList();
        if (touched.Count == 0) return;
        Refuse(touched, ApprovedOf(db, touched).ToList(), clock.VietnamToday());
    }

    private static List<Touched> Touches(AppDbContext db)
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
        return touched;
    }

    private static IQueryable<Approved> ApprovedOf(AppDbContext db, List<Touched> touched)
    {
        var unitIds = touched.Select(t => t.UnitId).Distinct().ToList();
        return db.Submissions.AsNoTracking()
            .Where(s => s.State == SubmissionState.Approved && unitIds.Contains(s.OrgUnitId))
            .Select(s => new Approved(s.OrgUnitId, s.PeriodId, s.DataSet, s.OrgUnit!.Code, s.Period!.Code, s.Period.StartDate, s.Period.EndDate));
    }

    private static void Refuse(List<Touched> touched, List<Approved> approved, DateOnly today)
    {
        if (approved.Count == 0) return;
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
