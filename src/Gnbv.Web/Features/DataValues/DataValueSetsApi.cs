using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Domain.Periods;
using Gnbv.Web.Features.Imports;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.DataValues;

/// <summary>DHIS2's dataValueSets: one JSON object with a dataValues array.</summary>
public sealed class DataValueSet
{
    public List<DataValueRow> DataValues { get; set; } = [];
}

public sealed record DataValueSetDto(IReadOnlyList<StoredValue> DataValues);

public sealed record DataValueChangeDto(string Action, decimal? OldValue, decimal? NewValue, string? OldComment, string? NewComment, string ChangedBy, DateTime ChangedAt);

public static class DataValueSetsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dataValueSets").WithTags("Data values");
        group.MapGet("/", GetAsync).WithName("GetDataValueSet")
            .WithSummary("Giá trị đã nhập của một đơn vị (và đơn vị cấp dưới khi children=true) trong một kỳ");
        group.MapPost("/", async (DataValueSet set, bool? dryRun, PackageImporter importer, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ImportSummary.RunAsync(importer, actor, new ImportPackage { DataValues = set.DataValues }, dryRun ?? false, "api:dataValueSets", ct)))
            .RequireAuthorization(Policies.DataWriter)
            .WithName("PostDataValueSet")
            .WithSummary("Ghi nhiều giá trị (upsert); một dòng sai thì không ghi gì; giá trị rỗng là xóa");
        api.MapGet("/dataValues/changes", ChangesAsync).WithTags("Data values").WithName("GetDataValueChanges")
            .WithSummary("Lịch sử thay đổi của một giá trị");
        api.MapGet("/figures", FiguresAsync).WithTags("Data values").WithName("GetFigures")
            .WithSummary("Số liệu tổng hợp của đơn vị và kỳ: giá trị cộng dồn từ cấp dưới, chỉ tiêu kế hoạch, vốn theo dự án, công trình");
    }

    private static async Task<Ok<DataValueSetDto>> GetAsync(string orgUnit, string period, bool? children, StoredValues stored, CurrentActor actor, CancellationToken ct)
    {
        var p = Period.Parse(period);
        var unit = await actor.ReadableUnitAsync(orgUnit, p, ct);
        return TypedResults.Ok(new DataValueSetDto(await stored.ListAsync(unit, p, children == true, ct)));
    }

    private static async Task<Results<Ok<List<DataValueChangeDto>>, NotFound>> ChangesAsync(
        string dataElement, string orgUnit, string period, string? disaggregation, AppDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var p = Period.Parse(period);
        var unit = await actor.ReadableUnitAsync(orgUnit, p, ct);
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == dataElement, ct);
        var periodRow = await db.Periods.AsNoTracking().FirstOrDefaultAsync(x => x.Code == p.Id, ct);
        var dis = await db.Disaggregations.AsNoTracking().FirstOrDefaultAsync(d => d.Code == (disaggregation ?? "total"), ct);
        if (indicator is null || periodRow is null || dis is null) return TypedResults.NotFound();
        var changes = await db.DataValueChanges.AsNoTracking()
            .Where(c => c.IndicatorId == indicator.Id && c.OrgUnitId == unit.Id && c.PeriodId == periodRow.Id && c.DisaggregationId == dis.Id)
            .OrderBy(c => c.Id)
            .Select(c => new DataValueChangeDto(c.Action, c.OldValue, c.NewValue, c.OldComment, c.NewComment, c.ChangedBy, c.ChangedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(changes);
    }

    /// <summary>Rolled-up figures come from the replica when one is configured; stored values (above) from the primary, as clients read back what they wrote.</summary>
    private static async Task<Ok<ValueExport>> FiguresAsync(string orgUnit, string period, [FromKeyedServices(ReadOnlyDb.Key)] ValueExporter exporter, CurrentActor actor, CancellationToken ct)
    {
        var p = Period.Parse(period);
        var unit = await actor.ReadableUnitAsync(orgUnit, p, ct);
        return TypedResults.Ok(await exporter.ExportAsync(unit, p, ct));
    }
}
