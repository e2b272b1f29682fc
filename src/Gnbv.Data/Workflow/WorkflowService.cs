using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Data.Validation;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Gnbv.Domain.Users;
using Gnbv.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Workflow;

/// <summary>
/// Per (data set, unit, period): draft -> submitted -> approved (locked) by the level above;
/// returned with a reason; reopened by the approver. Submitting with error-level violations of the
/// data set needs an explanation for each rule.
/// </summary>
public sealed class WorkflowService(AppDbContext db, TimeProvider clock, Validator validator)
{
    public async Task<Submission> StateAsync(OrgUnit unit, Period period, string dataSet, CancellationToken ct = default) =>
        await db.Submissions.AsNoTracking().Include(s => s.Events.OrderBy(e => e.Id))
            .FirstOrDefaultAsync(s => s.OrgUnitId == unit.Id && s.Period!.Code == period.Id && s.DataSet == dataSet, ct)
        ?? new Submission { OrgUnitId = unit.Id, DataSet = dataSet, State = SubmissionState.Draft };

    /// <summary>The data set a violation belongs to, by the values it rests on: capital figures, documents, or indicator values.</summary>
    public static string DataSetOf(Violation v) =>
        v.Values.Any(x => x.Ref.StartsWith("B{", StringComparison.Ordinal) || x.Ref.StartsWith("D{", StringComparison.Ordinal)) ? DataSets.Capital
        : v.Values.Any(x => x.Ref.StartsWith("document:", StringComparison.Ordinal)) ? DataSets.Narrative
        : DataSets.Values;

    /// <summary>The error-level violations that stand in the way of submitting the data set.</summary>
    public async Task<List<Violation>> BlockingAsync(OrgUnit unit, Period period, string dataSet, CancellationToken ct = default) =>
        (await validator.RunAsync(unit, period, ct)).Where(v => v.Severity == "error" && DataSetOf(v) == dataSet).ToList();

    public async Task<Submission> SubmitAsync(Actor actor, OrgUnit unit, Period period, string dataSet,
        IReadOnlyDictionary<string, string>? explanations, CancellationToken ct = default)
    {
        if (!actor.CanWrite(unit)) throw new UnauthorizedAccessException($"{actor.Name} không có quyền gửi số liệu của {unit.Code} (forbidden)");
        await RequireDataSetAsync(dataSet, ct);
        var errors = await BlockingAsync(unit, period, dataSet, ct);
        var unexplained = errors.Where(e => explanations is null || !explanations.TryGetValue(e.Rule, out var why) || string.IsNullOrWhiteSpace(why))
            .Select(e => e.Rule).Distinct().ToList();
        if (unexplained.Count > 0)
            throw new WorkflowConflictException($"Còn lỗi chưa giải trình, chưa gửi được: {string.Join(", ", unexplained)} (explain each error-level violation)");
        var reason = errors.Count == 0 ? null : string.Join("; ", errors.Select(e => e.Rule).Distinct().Select(r => $"{r}: {explanations![r]}"));
        return await MoveAsync(actor, unit, period, dataSet, [SubmissionState.Draft, SubmissionState.Returned], SubmissionState.Submitted, reason, ct);
    }

    public async Task<Submission> ApproveAsync(Actor actor, OrgUnit unit, Period period, string dataSet, CancellationToken ct = default)
    {
        RequireLevelAbove(actor, unit);
        return await MoveAsync(actor, unit, period, dataSet, [SubmissionState.Submitted], SubmissionState.Approved, null, ct);
    }

    public async Task<Submission> ReturnAsync(Actor actor, OrgUnit unit, Period period, string dataSet, string? reason, CancellationToken ct = default)
    {
        RequireLevelAbove(actor, unit);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Trả lại phải nêu lý do (reason is required)");
        return await MoveAsync(actor, unit, period, dataSet, [SubmissionState.Submitted], SubmissionState.Returned, reason, ct);
    }

    public async Task<Submission> ReopenAsync(Actor actor, OrgUnit unit, Period period, string dataSet, string? reason, CancellationToken ct = default)
    {
        RequireLevelAbove(actor, unit);
        return await MoveAsync(actor, unit, period, dataSet, [SubmissionState.Approved], SubmissionState.Draft, reason, ct);
    }

    /// <summary>Approving belongs to the level above: an officer of an ancestor unit, or the administrator.</summary>
    public static bool IsLevelAbove(Actor actor, OrgUnit unit) =>
        actor.IsAdmin || (actor.Role == Roles.DistrictOfficer && actor.UnitPath is { } path && unit.Path.StartsWith(path, StringComparison.Ordinal) && unit.Path != path);

    private static void RequireLevelAbove(Actor actor, OrgUnit unit)
    {
        if (!IsLevelAbove(actor, unit))
            throw new UnauthorizedAccessException($"{actor.Name} không phải cấp trên của {unit.Code}: chỉ cấp trên được duyệt, trả lại, mở lại (forbidden)");
    }

    private async Task RequireDataSetAsync(string dataSet, CancellationToken ct)
    {
        if (!await db.DataSets.AnyAsync(d => d.Code == dataSet, ct))
            throw new DomainException($"Bộ số liệu '{dataSet}' không có; dùng {string.Join(", ", DataSets.Codes)} (unknown data set)");
    }

    private async Task<Submission> MoveAsync(Actor actor, OrgUnit unit, Period period, string dataSet,
        SubmissionState[] from, SubmissionState to, string? reason, CancellationToken ct)
    {
        await RequireDataSetAsync(dataSet, ct);
        var periodRow = await db.Periods.FirstOrDefaultAsync(p => p.Code == period.Id, ct);
        if (periodRow is null) db.Periods.Add(periodRow = PeriodRow.From(period));
        var submission = periodRow.Id == 0 ? null
            : await db.Submissions.FirstOrDefaultAsync(s => s.OrgUnitId == unit.Id && s.PeriodId == periodRow.Id && s.DataSet == dataSet, ct);
        var current = submission?.State ?? SubmissionState.Draft;
        if (!from.Contains(current))
            throw new WorkflowConflictException($"{dataSet} của {unit.Code} {period.Id} đang ở trạng thái {Name(current)}, không thể chuyển sang {Name(to)} (invalid transition)");
        if (submission is null) db.Submissions.Add(submission = new Submission { OrgUnitId = unit.Id, Period = periodRow, DataSet = dataSet });
        var now = clock.UtcNow();
        submission.State = to;
        submission.UpdatedBy = actor.Name;
        submission.UpdatedAt = now;
        submission.Events.Add(new SubmissionEvent { From = current, To = to, Actor = actor.Name, At = now, Reason = reason });
        var previousActor = db.Actor;
        db.Actor = actor.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Actor = previousActor;
        }
        return submission;
    }

    public static string Name(SubmissionState s) => s switch
    {
        SubmissionState.Draft => "nháp",
        SubmissionState.Submitted => "đã gửi",
        SubmissionState.Approved => "đã duyệt (khóa)",
        SubmissionState.Returned => "bị trả lại",
        _ => s.ToString(),
    };
}
