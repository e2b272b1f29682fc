using System.Globalization;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Units;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Households;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.Reports.Households;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Households;

public sealed record ClassificationDto(string Status, string StatusName, string Standard, string Area, long? Income, long IncomeLine, int? ScoreA,
    int? ScoreALine, IReadOnlyList<string> Deprived, int ScoreB, int PoorMinScoreB, IReadOnlyList<string> Reasons)
{
    public static ClassificationDto From(Classification c) => new(c.StatusCode, HouseholdStatuses.VietnameseName(c.Status), c.Standard,
        HouseholdStatuses.AreaCode(c.Area), c.Income, c.IncomeLine, c.ScoreA, c.ScoreALine, c.Deprived, c.ScoreB, c.PoorMinScoreB, c.Reasons);
}

/// <param name="Version">The household's version read (GET /households/{id}); when given, a household changed since is a 409 naming what changed.</param>
public sealed record CensusRequest(long? Income, int? ScoreA, List<string>? Deprived, bool? ExpectedEscape, string? SupportPlan, string? Reason, int? Version = null);

public sealed record CensusSavedDto(long Household, int Year, bool Created, ClassificationDto Classification, int Version);

public static class HouseholdsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/households").WithTags("Households");
        group.MapGet("/", async (string? unit, string? village, string? status, string? deprivation, int? year, string? q, int? page,
                AppDbContext db, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await HouseholdQueries.ListAsync(db, actor, new HouseholdFilter(unit, village, status, deprivation, year, q, page ?? 1), ct)))
            .WithName("ListHouseholds")
            .WithSummary("Danh sách hộ của đơn vị (và cấp dưới): lọc theo thôn, tình trạng, chỉ số thiếu hụt, năm rà soát, mã hộ hoặc tên chủ hộ; 50 hộ một trang, không có số CCCD");
        group.MapGet("/{id:long}", async Task<Results<Ok<HouseholdDetail>, NotFound>> (long id, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
                await HouseholdQueries.DetailAsync(db, actor, id, ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound())
            .WithName("GetHousehold")
            .WithSummary("Một hộ: thành viên (số CCCD che, trừ cán bộ được ghi dữ liệu của xã), lịch sử phân loại với lý do, hỗ trợ đã nhận");
        group.MapGet("/classify", async (int year, string? area, long? income, int? scoreA, string? deprived, Standards standards, CancellationToken ct) =>
            {
                var standard = await standards.ForYearAsync(year, ct);
                var codes = (deprived ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var c = PovertyClassifier.Classify(standard, HouseholdStatuses.ParseArea(area ?? "rural"), income, scoreA, codes);
                return TypedResults.Ok(ClassificationDto.From(c));
            })
            .WithName("ClassifyHousehold")
            .WithSummary("Phân loại thử một hộ theo chuẩn nghèo của năm rà soát (không ghi gì): tình trạng và lý do");
        group.MapPut("/{id:long}/census/{year:int}", async Task<Results<Ok<CensusSavedDto>, NotFound>> (long id, int year, CensusRequest body,
                AppDbContext db, CensusEditor census, CurrentActor actor, CancellationToken ct) =>
            {
                var unit = await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => h.OrgUnit).FirstOrDefaultAsync(ct);
                if (unit is null) return TypedResults.NotFound();
                var who = await RequireWriteAsync(actor, unit, ct);
                var saved = await census.SaveAsync(who, id, year,
                    new CensusInput(body.Income, body.ScoreA, body.Deprived, body.ExpectedEscape ?? false, body.SupportPlan, body.Version), body.Reason, ct);
                return TypedResults.Ok(new CensusSavedDto(id, year, saved.Created, ClassificationDto.From(saved.Classification), saved.Version));
            })
            .RequireAuthorization(Policies.DataWriter)
            .WithName("SaveHouseholdCensus")
            .WithSummary("Ghi kết quả rà soát của hộ cho một năm: phân loại theo chuẩn của năm, ghi (hoặc thay) và tính lại số liệu đã công bố, trong một giao dịch");
        group.MapPost("/import", async Task<Accepted<ImportJobStatus>> (HttpRequest request, HouseholdImportJobs jobs, CurrentActor actor, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) throw new DomainException("Gửi tệp dạng multipart/form-data, trường 'file' (send the file as multipart form field 'file')");
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? throw new DomainException("Thiếu trường 'file' (missing form field 'file')");
                int? year = null;
                if (form["year"].ToString() is { Length: > 0 } y)
                    year = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new DomainException($"Năm '{y}' không hợp lệ (year)");
                await using var upload = file.OpenReadStream();
                var job = await jobs.StartAsync(await actor.GetAsync(ct), upload, file.FileName, year, form["reason"].ToString() is { Length: > 0 } r ? r : null, ct);
                return TypedResults.Accepted($"/api/v1/households/import/{job.Id}", job.Status());
            })
            .RequireAuthorization(Policies.DataWriter)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithName("ImportHouseholds")
            .WithSummary("Nhập danh sách hộ (CSV, XLSX) chạy nền: trả mã việc; tất cả hoặc không gì cả; quyền theo xã của từng hộ");
        group.MapGet("/import/{job}", async Task<Results<Ok<ImportJobStatus>, NotFound>> (string job, HouseholdImportJobs jobs, CurrentActor actor, CancellationToken ct) =>
                jobs.Get(job, await actor.GetAsync(ct)) is { } j ? TypedResults.Ok(j.Status()) : TypedResults.NotFound())
            .WithName("GetHouseholdImport")
            .WithSummary("Tiến độ một lần nhập danh sách hộ (chỉ người nhập xem được): giai đoạn, số dòng, số hộ, phần trăm; cuối cùng là kết quả hoặc lỗi từng dòng");
        group.MapGet("/template.xlsx", () =>
            {
                var stream = new MemoryStream();
                HouseholdTemplate.WriteXlsx(stream);
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-danh-sach-ho.xlsx");
            })
            .WithName("HouseholdTemplateXlsx").WithSummary("Mẫu danh sách hộ để xã điền (XLSX, có trang hướng dẫn)");
        group.MapGet("/template.csv", () =>
            {
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                HouseholdTemplate.WriteCsv(writer);
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray(), "text/csv; charset=utf-8", "mau-danh-sach-ho.csv");
            })
            .WithName("HouseholdTemplateCsv").WithSummary("Mẫu danh sách hộ để xã điền (CSV UTF-8)");
        group.MapGet("/export.csv", async (string? unit, int? year, HttpContext http, AppDbContext db, HouseholdExporter exporter, CurrentActor actor, CancellationToken ct) =>
            {
                var who = await actor.GetAsync(ct);
                var u = await UnitOrOwnAsync(db, actor, who, unit, year, ct);
                var plan = await exporter.LogAsync(who, u, year, ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"danh-sach-ho-{u.Code}{(year is { } y ? "-" + y.ToString(CultureInfo.InvariantCulture) : "")}.csv\"";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true), 1 << 16);
                await exporter.WriteCsvAsync(plan, writer, ct);
                return Results.Empty;
            })
            .WithName("ExportHouseholds")
            .WithSummary("Danh sách hộ của đơn vị theo mẫu nhập (mỗi thành viên một dòng, nhập lại được); mỗi lần xuất được ghi nhật ký; số CCCD đầy đủ chỉ cho cán bộ được ghi dữ liệu")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/transitions", async (string? unit, int? year, AppDbContext db, RegistryFigures figures, CurrentActor actor, CancellationToken ct) =>
            {
                var who = await actor.GetAsync(ct);
                var u = await UnitOrOwnAsync(db, actor, who, unit, year, ct);
                var y = year ?? await LatestYearAsync(db, u, ct);
                return TypedResults.Ok(await RegistryReports.TransitionsAsync(figures, u, y, ct));
            })
            .WithName("HouseholdTransitions")
            .WithSummary("Biến động hộ nghèo của đơn vị và từng xã: đầu kỳ + tăng (phát sinh, tái nghèo) − giảm (thoát nghèo, ra khỏi sổ) = cuối kỳ; cận nghèo ↔ nghèo");
        group.MapGet("/expected-escape", async (string? unit, int? year, AppDbContext db, CurrentActor actor, CancellationToken ct) =>
            {
                var who = await actor.GetAsync(ct);
                var u = await UnitOrOwnAsync(db, actor, who, unit, year, ct);
                var y = year ?? await LatestYearAsync(db, u, ct);
                return TypedResults.Ok(await RegistryReports.ExpectedEscapeAsync(db, u, y, ct));
            })
            .WithName("HouseholdsExpectedToEscape")
            .WithSummary("Hộ trong danh sách dự kiến thoát nghèo (rà soát năm trước) với kế hoạch hỗ trợ và tình trạng năm nay");
    }

    internal static async Task<Actor> RequireWriteAsync(CurrentActor actor, OrgUnit unit, CancellationToken ct)
    {
        var who = await actor.RequireReadAsync(unit, ct);
        if (!who.CanWrite(unit)) throw new AccessDeniedException($"{who.Name} chỉ được xem, không được ghi dữ liệu của {unit.Name} (read-only)");
        return who;
    }

    /// <summary>The unit named (code or name, as of the year), or the caller's own; 403 outside the caller's subtree.</summary>
    internal static async Task<OrgUnit> UnitOrOwnAsync(AppDbContext db, CurrentActor actor, Actor who, string? unit, int? year, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(unit)) return await actor.ReadableUnitAsync(unit, year is { } y ? Period.Year(y) : null, ct);
        var own = who.UnitId is { } id ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        return own ?? throw new DomainException("Cho biết đơn vị: unit=mã đơn vị (unit required)");
    }

    internal static async Task<int> LatestYearAsync(AppDbContext db, OrgUnit unit, CancellationToken ct) =>
        await db.CensusEntries.Where(c => c.Household!.OrgUnit!.Path.StartsWith(unit.Path)).MaxAsync(c => (int?)c.Year, ct)
        ?? throw new DomainException($"{unit.Name} chưa có kết quả rà soát nào; cho biết năm: year= (no census yet)");
}
