using Gnbv.Domain.Periods;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gnbv.Web.Features.Periods;

public sealed record PeriodDto(string Id, string Type, DateOnly Start, DateOnly End);

public static class PeriodsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/periods/{id}", Ok<PeriodDto> (string id) =>
            {
                var p = Period.Parse(id);
                return TypedResults.Ok(new PeriodDto(p.Id, p.Type.ToString(), p.Start, p.End));
            })
            .WithTags("Periods").WithName("GetPeriod")
            .WithSummary("Phân tích mã kỳ báo cáo (2023, 2023S1, 2023Q2, 202305, 2021-2025)");
    }
}
