using System.Text.Json.Serialization;
using Gnbv.Data.Database;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Gnbv.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Workflow;

public sealed record DataSetDue(string Code, string Name, DateOnly Due);

/// <summary>Where one data set of one unit stands: state, when first submitted, due date, on time or not.</summary>
public sealed record CompletenessCell(string DataSet, [property: JsonIgnore] SubmissionState State, DateTime? SubmittedAt, DateOnly Due, string Timeliness)
{
    /// <summary>draft, submitted, approved, returned: the workflow API's words.</summary>
    [JsonPropertyName("state")]
    public string StateCode => State.ToString().ToLowerInvariant();
}

public sealed record CompletenessRow(string UnitCode, string UnitName, bool IsSelf, IReadOnlyList<CompletenessCell> Cells);

/// <summary>Which units (the unit and its direct sub-units active in the period) have submitted what, on time or late.</summary>
public sealed record CompletenessReport(string Unit, string Period, DateOnly AsOf, IReadOnlyList<DataSetDue> DataSets, IReadOnlyList<CompletenessRow> Rows)
{
    public int Expected => Rows.Sum(r => r.Cells.Count);
    public int Submitted => Rows.Sum(r => r.Cells.Count(c => Completeness.IsIn(c.State)));
    public int OnTime => Rows.Sum(r => r.Cells.Count(c => c.Timeliness == Completeness.OnTime));
}

public sealed class Completeness(AppDbContext db, TimeProvider clock)
{
    public const string OnTime = "on-time";
    public const string Late = "late";
    public const string Overdue = "overdue";
    public const string Pending = "pending";

    /// <summary>Submitted or approved count as in; a returned set is out again until resubmitted.</summary>
    public static bool IsIn(SubmissionState s) => s is SubmissionState.Submitted or SubmissionState.Approved;

    public static string VietnameseName(string timeliness) => timeliness switch
    {
        OnTime => "Đúng hạn",
        Late => "Muộn",
        Overdue => "Quá hạn, chưa gửi",
        Pending => "Chưa đến hạn",
        _ => timeliness,
    };

    /// <summary>Dates are Vietnam's (UTC+7): a set submitted at 23:30 on the due day is on time.</summary>
    public static DateOnly VietnamDate(DateTime utc) => VietnamClock.ToVietnamDate(utc);

    public async Task<CompletenessReport> ForAsync(OrgUnit unit, Period period, CancellationToken ct = default)
    {
        var sets = await db.DataSets.AsNoTracking().OrderBy(d => d.Sort).ThenBy(d => d.Code).ToListAsync(ct);
        var children = (await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code).ToListAsync(ct))
            .Where(u => (u.ValidFrom is null || u.ValidFrom <= period.End) && (u.ValidTo is null || u.ValidTo >= period.Start)).ToList();
        var units = new List<OrgUnit> { unit };
        units.AddRange(children);
        var ids = units.Select(u => u.Id).ToList();
        var submissions = await db.Submissions.AsNoTracking().Include(s => s.Events)
            .Where(s => ids.Contains(s.OrgUnitId) && s.Period!.Code == period.Id).ToListAsync(ct);
        var today = clock.VietnamToday();
        var rows = units.Select(u => new CompletenessRow(u.Code, u.Name, u.Id == unit.Id, sets.Select(set =>
        {
            var s = submissions.FirstOrDefault(x => x.OrgUnitId == u.Id && x.DataSet == set.Code);
            var state = s?.State ?? SubmissionState.Draft;
            var first = s?.Events.Where(e => e.To == SubmissionState.Submitted).Select(e => (DateTime?)e.At).Min();
            var due = set.DueDate(period);
            var timeliness = IsIn(state) && first is { } at ? (VietnamDate(at) <= due ? OnTime : Late)
                : today > due ? Overdue : Pending;
            return new CompletenessCell(set.Code, state, first, due, timeliness);
        }).ToList())).ToList();
        return new CompletenessReport(unit.Code, period.Id, today, sets.Select(s => new DataSetDue(s.Code, s.Name, s.DueDate(period))).ToList(), rows);
    }
}
