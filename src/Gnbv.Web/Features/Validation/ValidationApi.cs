using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Validation;
using Gnbv.Domain.Periods;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Validation;

public static class ValidationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/validation", async (string orgUnit, string period, [FromKeyedServices(ReadOnlyDb.Key)] Validator validator, CurrentActor actor, CancellationToken ct) =>
            {
                var p = Period.Parse(period);
                var unit = await actor.ReadableUnitAsync(orgUnit, p, ct);
                return TypedResults.Ok(await validator.RunAsync(unit, p, ct));
            })
            .WithTags("Validation").WithName("Validate")
            .WithSummary("Vi phạm quy tắc kiểm tra số liệu của đơn vị và kỳ: [{rule, severity, message, unit, period, values}]");
        api.MapGet("/validationRules", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.ValidationRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct)))
            .WithTags("Validation").WithName("ListValidationRules").WithSummary("Các quy tắc kiểm tra (dữ liệu; sửa bằng nhập tệp, mục validationRules)");
    }
}
