using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Workflow;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Workflow;
using Gnbv.Web.Infrastructure.Auth;

namespace Gnbv.Web.Features.Workflow;

public sealed record WorkflowEventDto(string From, string To, string Actor, DateTime At, string? Reason);

public sealed record WorkflowDto(string OrgUnit, string Period, string DataSet, string State, IReadOnlyList<WorkflowEventDto> History);

public sealed record WorkflowStep(string? Reason, Dictionary<string, string>? Explanations);

public static class WorkflowApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow").WithTags("Workflow");
        group.MapGet("/", async (string orgUnit, string period, string? dataSet, AppDbContext db, WorkflowService workflow, CurrentActor actor, CancellationToken ct) =>
            {
                var (unit, p) = await ResolveAsync(db, actor, orgUnit, period, ct);
                var set = dataSet ?? DataSets.Values;
                return TypedResults.Ok(ToDto(await workflow.StateAsync(unit, p, set, ct), unit.Code, p.Id));
            })
            .WithName("GetWorkflow").WithSummary("Theo bộ số liệu (dataSet, mặc định values): trạng thái gửi, duyệt số liệu của đơn vị và kỳ, với lịch sử");
        group.MapPost("/{action}", async (string action, string orgUnit, string period, string? dataSet, WorkflowStep? step, AppDbContext db, WorkflowService workflow, CurrentActor actor, CancellationToken ct) =>
            {
                var (unit, p) = await ResolveAsync(db, actor, orgUnit, period, ct);
                var who = await actor.GetAsync(ct);
                var set = dataSet ?? DataSets.Values;
                try
                {
                    _ = action switch
                    {
                        "submit" => await workflow.SubmitAsync(who, unit, p, set, step?.Explanations, ct),
                        "approve" => await workflow.ApproveAsync(who, unit, p, set, ct),
                        "return" => await workflow.ReturnAsync(who, unit, p, set, step?.Reason, ct),
                        "reopen" => await workflow.ReopenAsync(who, unit, p, set, step?.Reason, ct),
                        _ => throw new DomainException($"Bước '{action}' không có; dùng submit, approve, return, reopen (unknown action)"),
                    };
                    return TypedResults.Ok(ToDto(await workflow.StateAsync(unit, p, set, ct), unit.Code, p.Id));
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new AccessDeniedException(e.Message);
                }
            })
            .RequireAuthorization(Policies.DataWriter)
            .WithName("MoveWorkflow").WithSummary("Theo bộ số liệu (dataSet: values, capital, works, narrative; mặc định values): gửi (submit), duyệt (approve), trả lại (return, có lý do), mở lại (reopen) số liệu của đơn vị và kỳ");
    }

    private static async Task<(Gnbv.Domain.Units.OrgUnit, Period)> ResolveAsync(AppDbContext db, CurrentActor actor, string orgUnit, string period, CancellationToken ct)
    {
        var p = Period.Parse(period);
        return (await actor.ReadableUnitAsync(orgUnit, p, ct), p);
    }

    private static WorkflowDto ToDto(Submission s, string unit, string period) => new(unit, period, s.DataSet, Code(s.State),
        s.Events.Select(e => new WorkflowEventDto(Code(e.From), Code(e.To), e.Actor, e.At, e.Reason)).ToList());

    private static string Code(SubmissionState s) => s.ToString().ToLowerInvariant();
}
