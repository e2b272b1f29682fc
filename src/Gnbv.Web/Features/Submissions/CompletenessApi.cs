using Gnbv.Data.Database;
using Gnbv.Data.Workflow;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Time;
using Gnbv.Web.Infrastructure.Auth;

namespace Gnbv.Web.Features.Submissions;

public static class CompletenessApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/completeness", async (string orgUnit, string period, Completeness completeness, CurrentActor actor, CancellationToken ct) =>
            {
                var p = Period.Parse(period);
                var unit = await actor.ReadableUnitAsync(orgUnit, p, ct);
                return TypedResults.Ok(await completeness.ForAsync(unit, p, ct));
            })
            .WithTags("Workflow").WithName("GetCompleteness")
            .WithSummary("Tính đầy đủ, kịp thời: đơn vị và các đơn vị trực thuộc đã gửi bộ số liệu nào của kỳ, đúng hạn hay muộn");
    }
}
