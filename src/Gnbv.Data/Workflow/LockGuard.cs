using Gnbv.Data.Database;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Time;
using Gnbv.Domain.Workflow;
using Gnbv.Domain.Works;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Workflow;

/// <summary>
/// Refuses, inside SaveChanges, any change to records that an approved submission locks, whatever
/// path the change comes by (import, page, API), at the approved unit and every unit below it:
/// values and disbursements of the approved period and of every period inside it (its months,
/// quarters: the approved figure is summed from them), allocations of its year, report sections of
/// the period, and the works register while an approved period has not ended.
/// </summary>
internal static class LockGuard
{
    /// <summary>A touched record: its period's days (values, disbursements, sections) or its year (allocations).</summary>
    private sealed record Touched(int UnitId, string DataSet, string? Period, DateOnly Start, DateOnly End, int? Year);

    private sealed record Approved(int OrgUnitId, string DataSet, string Unit, string Period, DateOnly StartDate, DateOnly EndDate);

    public static void Check(AppDbContext db, TimeProvider clock)
    {
        var changes = Changes(db, out var periods);
        if (changes.Count == 0) return;
        var unknown = Unknown(changes, periods);
        if (unknown.Count > 0)
            foreach (var p in db.Periods.AsNoTracking().Where(p => unknown.Contains(p.Id)).ToList()) periods[p.Id] = p;
        var touched = Touches(changes, periods);
        if (touched.Count == 0) return;
        Refuse(touched, ApprovedOf(db, touched).ToList(), clock.VietnamToday());
    }

    public static async Task CheckAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var changes = Changes(db, out var periods);
        if (changes.Count == 0) return;
        var unknown = Unknown(changes, periods);
        if (unknown.Count > 0)
            foreach (var p in await db.Periods.AsNoTracking().Where(p => unknown.Contains(p.Id)).ToListAsync(ct)) periods[p.Id] = p;
        var touched = Touches(changes, periods);
        if (touched.Count == 0) return;
        Refuse(touched, await ApprovedOf(db, touched).ToListAsync(ct), clock.VietnamToday());
    }

    /// <summary>The same check for values written without the change tracker (set-based writes).</summary>
    public static void CheckValues(AppDbContext db, TimeProvider clock, IEnumerable<(int UnitId, int PeriodId)> values)
    {
        var keys = values.Distinct().ToList();
        if (keys.Count == 0) return;
        var ids = keys.Select(k => k.PeriodId).Distinct().ToList();
        var periods = db.Periods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionary(p => p.Id);
        var touched = keys.Where(k => periods.ContainsKey(k.PeriodId)).Select(k => Of(k.UnitId, DataSets.Values, periods[k.PeriodId])).ToList();
        Refuse(touched, ApprovedOf(db, touched).ToList(), clock.VietnamToday());
    }

    private static Touched Of(int unitId, string dataSet, PeriodRow p) => new(unitId, dataSet, p.Code, p.StartDate, p.EndDate, null);

    private sealed record Change(int UnitId, string DataSet, int PeriodId, PeriodRow? Period, int? Year);

    /// <summary>
    /// The locked kinds added, changed or deleted, with the period of each: its navigation when set
    /// (a period added in the same save has no id yet), else the tracked row, else (see Unknown) the stored one.
    /// </summary>
    private static List<Change> Changes(AppDbContext db, out Dictionary<int, PeriodRow> periods)
    {
        var changes = new List<Change>();
        periods = [];
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.Entity is PeriodRow row && row.Id > 0) periods[row.Id] = row;
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            Change? c = e.Entity switch
            {
                DataValue v => new(v.OrgUnitId, DataSets.Values, v.PeriodId, v.Period, null),
                Disbursement d => new(d.OrgUnitId, DataSets.Capital, d.PeriodId, d.Period, null),
                ReportSection s => new(s.OrgUnitId, DataSets.Narrative, s.PeriodId, s.Period, null),
                CapitalAllocation a => new(a.OrgUnitId, DataSets.Capital, 0, null, a.Year),
                Work w => new(w.OrgUnitId, DataSets.Works, 0, null, null),
                _ => null,
            };
            if (c is not null && c.UnitId != 0) changes.Add(c);
        }
        return changes;
    }

    private static List<int> Unknown(List<Change> changes, Dictionary<int, PeriodRow> periods) =>
        changes.Where(c => c.Period is null && c.PeriodId > 0 && !periods.ContainsKey(c.PeriodId)).Select(c => c.PeriodId).Distinct().ToList();

    private static List<Touched> Touches(List<Change> changes, Dictionary<int, PeriodRow> periods)
    {
        var touched = new List<Touched>();
        foreach (var c in changes)
        {
            if (c.Year is { } year) touched.Add(new(c.UnitId, c.DataSet, null, default, default, year));
            else if (c.DataSet == DataSets.Works) touched.Add(new(c.UnitId, c.DataSet, null, default, default, null));
            else if ((c.Period ?? periods.GetValueOrDefault(c.PeriodId)) is { } p) touched.Add(Of(c.UnitId, c.DataSet, p));
        }
        return touched;
    }

    /// <summary>
    /// The approvals that lock a touched unit: its own and those of every unit above it (DHIS2's
    /// rule). A district's approved figure sums its communes, so a commune's record may not move
    /// under it either; <see cref="Approved.OrgUnitId"/> is the touched unit, <see cref="Approved.Unit"/>
    /// the code of the unit whose approval locks it.
    /// </summary>
    private static IQueryable<Approved> ApprovedOf(AppDbContext db, List<Touched> touched)
    {
        var unitIds = touched.Select(t => t.UnitId).Distinct().ToList();
        return from s in db.Submissions.AsNoTracking()
               where s.State == SubmissionState.Approved
               from u in db.OrgUnits.AsNoTracking()
               where unitIds.Contains(u.Id) && u.Path.StartsWith(s.OrgUnit!.Path)
               select new Approved(u.Id, s.DataSet, s.OrgUnit!.Code, s.Period!.Code, s.Period.StartDate, s.Period.EndDate);
    }

    private static void Refuse(List<Touched> touched, List<Approved> approved, DateOnly today)
    {
        if (approved.Count == 0) return;
        foreach (var t in touched.Distinct())
        {
            var hit = approved.FirstOrDefault(s => s.OrgUnitId == t.UnitId && s.DataSet == t.DataSet && t switch
            {
                { Year: { } y } => s.StartDate.Year <= y && y <= s.EndDate.Year,
                // A report's text is the period's own; values and disbursements of any period inside
                // the approved one are summed into its figures (202303 and 2023Q1 into 2023S1).
                { Period: { } p } when t.DataSet == DataSets.Narrative => s.Period == p,
                { Period: not null } => s.StartDate <= t.Start && t.End <= s.EndDate,
                _ => s.EndDate >= today,
            });
            if (hit is not null)
                throw new WorkflowConflictException(
                    $"{DataSets.Locks(t.DataSet)} của {hit.Unit} đã được duyệt và khóa (kỳ {hit.Period}{(t.Period is { } own && own != hit.Period ? $", gồm kỳ {own}" : "")}); cấp trên phải mở lại trước khi sửa (approved data is locked)");
        }
    }
}
