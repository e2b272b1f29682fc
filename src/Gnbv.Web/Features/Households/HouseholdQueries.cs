using System.Linq.Expressions;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Domain;
using Gnbv.Domain.Households;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Features.Households;

public sealed record HouseholdFilter(string? Unit = null, string? Village = null, string? Status = null, string? Deprivation = null, int? Year = null, string? Q = null, int Page = 1);

/// <summary>One household in a list: no citizen IDs, ever.</summary>
public sealed record HouseholdListItem(long Id, string Code, string Commune, string CommuneName, string Village, string Area, string HeadName,
    int Members, string? Status, string? StatusName, int? Year, bool Synthetic);

public sealed record HouseholdList(int Total, int Page, int PageSize, List<HouseholdListItem> Items);

public sealed record MemberDto(long Id, string Name, int? BirthYear, string Sex, string Relation, bool IsHead, string? CitizenId);

public sealed record CensusDto(int Year, string Status, string StatusName, string Standard, long? Income, int? ScoreA, IReadOnlyList<string> Deprived,
    int ScoreB, int MemberCount, bool ExpectedEscape, string? SupportPlan, IReadOnlyList<string> Reasons);

public sealed record SupportDto(string Kind, string KindName, string? ProgramItem, string? FundingSource, long? Amount, decimal? Quantity, DateOnly Date, string? Note, string? Member);

public sealed record HouseholdDetail(long Id, string Code, string Commune, string CommuneName, string Village, string Area, string HeadName, string Ethnicity,
    bool EthnicMinority, IReadOnlyList<string> PolicyGroups, IReadOnlyList<string> PovertyCauses, bool Synthetic, bool CitizenIdsMasked, bool CanEdit,
    List<MemberDto> Members, List<CensusDto> Census, List<SupportDto> Support, int Version);

/// <summary>The registry as the pages and the API read it: lists scoped to the caller's units, one household with its history.</summary>
public static class HouseholdQueries
{
    public const int PageSize = 50;

    public static async Task<HouseholdList> ListAsync(AppDbContext db, CurrentActor actor, HouseholdFilter f, CancellationToken ct = default)
    {
        var scope = await actor.ScopeAsync(f.Unit, ct);
        var households = db.Households.AsNoTracking().Where(h => scope.Contains(h.OrgUnitId));
        if (!string.IsNullOrWhiteSpace(f.Village)) households = households.Where(h => h.Village == f.Village.Trim());
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim().ToLowerInvariant();
            // Translated to SQL lower(), which runs in the database, not in this process's culture.
#pragma warning disable CA1304, CA1311
            households = households.Where(h => h.Code.ToLower().Contains(text) || h.HeadName.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311
        }
        if (!string.IsNullOrWhiteSpace(f.Status) || !string.IsNullOrWhiteSpace(f.Deprivation) || f.Year is not null)
        {
            // The entry that decides: the round asked for, else each household's latest.
            var entries = f.Year is { } year
                ? db.CensusEntries.Where(c => c.Year == year)
                : db.CensusEntries.Where(c => c.Year == db.CensusEntries.Where(x => x.HouseholdId == c.HouseholdId).Max(x => x.Year));
            if (!string.IsNullOrWhiteSpace(f.Status))
            {
                var status = ParseStatus(f.Status);
                entries = entries.Where(c => c.Status == status);
            }
            if (!string.IsNullOrWhiteSpace(f.Deprivation)) entries = entries.Where(await DeprivedOnAsync(db, f.Deprivation.Trim(), ct));
            households = households.Where(h => entries.Any(c => c.HouseholdId == h.Id));
        }

        var total = await households.CountAsync(ct);
        var page = Math.Max(1, f.Page);
        var rows = await households
            .OrderBy(h => h.OrgUnit!.Code).ThenBy(h => h.Code)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(h => new
            {
                h.Id,
                h.Code,
                Commune = h.OrgUnit!.Code,
                CommuneName = h.OrgUnit.Name,
                h.Village,
                h.Area,
                h.HeadName,
                Members = h.Members.Count,
                h.Synthetic,
                Entry = h.Census.Where(c => f.Year == null || c.Year == f.Year).OrderByDescending(c => c.Year)
                    .Select(c => new { c.Status, c.Year }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new HouseholdList(total, page, PageSize, rows.Select(h => new HouseholdListItem(h.Id, h.Code, h.Commune, h.CommuneName, h.Village,
            HouseholdStatuses.AreaCode(h.Area), h.HeadName, h.Members,
            h.Entry is null ? null : HouseholdStatuses.Code(h.Entry.Status), h.Entry is null ? null : HouseholdStatuses.VietnameseName(h.Entry.Status),
            h.Entry?.Year, h.Synthetic)).ToList());
    }

    /// <summary>The household if it exists (null: 404) and the caller may read its commune (else 403).</summary>
    public static async Task<HouseholdDetail?> DetailAsync(AppDbContext db, CurrentActor actor, long id, CancellationToken ct = default)
    {
        var h = await db.Households.AsNoTracking().Include(x => x.OrgUnit).Include(x => x.Members).Include(x => x.Census)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        var who = await actor.RequireReadAsync(h.OrgUnit!, ct);
        var full = who.CanWrite(h.OrgUnit!);
        var standards = await db.PovertyStandards.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var support = await db.SupportRecords.AsNoTracking().Where(s => s.HouseholdId == id).OrderByDescending(s => s.Date).ToListAsync(ct);
        var itemIds = support.Where(s => s.ProgramItemId != null).Select(s => s.ProgramItemId!.Value).Distinct().ToList();
        var sourceIds = support.Where(s => s.FundingSourceId != null).Select(s => s.FundingSourceId!.Value).Distinct().ToList();
        var items = await db.ProgramItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var sources = await db.FundingSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);

        var members = h.Members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Id)
            .Select(m => new MemberDto(m.Id, m.Name, m.BirthYear, SexName(m.Sex), m.Relation, m.IsHead, full ? m.CitizenId : MaskOrNull(m.CitizenId)))
            .ToList();
        var census = h.Census.OrderByDescending(c => c.Year).Select(c => ToDto(c, h.Area, standards.GetValueOrDefault(c.PovertyStandardId))).ToList();
        var supportDtos = support.Select(s => new SupportDto(s.Kind, SupportKinds.All.FirstOrDefault(k => k.Code == s.Kind)?.Name ?? s.Kind,
            s.ProgramItemId is { } i ? items.GetValueOrDefault(i) : null, s.FundingSourceId is { } f ? sources.GetValueOrDefault(f) : null,
            s.Amount, s.Quantity, s.Date, s.Note, s.MemberId is { } m ? h.Members.FirstOrDefault(x => x.Id == m)?.Name : null)).ToList();
        return new HouseholdDetail(h.Id, h.Code, h.OrgUnit!.Code, h.OrgUnit.Name, h.Village, HouseholdStatuses.AreaCode(h.Area), h.HeadName, h.Ethnicity,
            h.EthnicMinority, Split(h.PolicyGroups), Split(h.PovertyCauses), h.Synthetic, !full, full, members, census, supportDtos, h.Version);
    }

    static CensusDto ToDto(CensusEntry c, Area area, PovertyStandard? standard)
    {
        var codes = standard?.Indicators.OrderBy(i => i.Sort).Where(i => i.IsSetIn(c.DeprivedMask)).Select(i => i.Code).ToList() ?? [];
        IReadOnlyList<string> reasons = [];
        // Entries keep the outcome, not the words: the same standard and inputs give the same reasons again.
        if (standard is not null)
            try { reasons = PovertyClassifier.Classify(standard, area, c.Income, c.ScoreA, codes).Reasons; }
            catch (DomainException e) { reasons = [e.Message]; }
        return new CensusDto(c.Year, HouseholdStatuses.Code(c.Status), HouseholdStatuses.VietnameseName(c.Status), standard?.Code ?? "", c.Income, c.ScoreA,
            codes, c.ScoreB, c.MemberCount, c.ExpectedEscape, c.SupportPlan, reasons);
    }

    public static HouseholdStatus ParseStatus(string text) => HouseholdRowParser.ParseStatus(text)
        ?? throw new DomainException($"Tình trạng '{text}' không có; dùng: poor, near-poor, average, not-poor (unknown status)");

    /// <summary>Entries deprived on the indicator: its bit is the indicator's place in the entry's own standard.</summary>
    static async Task<Expression<Func<CensusEntry, bool>>> DeprivedOnAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var bits = (await db.PovertyStandards.AsNoTracking().ToListAsync(ct))
            .SelectMany(s => s.Indicators.Where(i => i.Code == code).Select(i => (s.Id, i.Bit))).ToList();
        if (bits.Count == 0) throw new DomainException($"Chỉ số thiếu hụt '{code}' không có trong chuẩn nghèo nào (unknown deprivation indicator)");
        var c = Expression.Parameter(typeof(CensusEntry), "c");
        Expression? body = null;
        foreach (var (standardId, bit) in bits)
        {
            var one = Expression.AndAlso(
                Expression.Equal(Expression.Property(c, nameof(CensusEntry.PovertyStandardId)), Expression.Constant(standardId)),
                Expression.NotEqual(Expression.And(Expression.Property(c, nameof(CensusEntry.DeprivedMask)), Expression.Constant(bit)), Expression.Constant(0)));
            body = body is null ? one : Expression.OrElse(body, one);
        }
        return Expression.Lambda<Func<CensusEntry, bool>>(body!, c);
    }

    public static string SexName(Sex s) => s switch { Sex.Male => "Nam", Sex.Female => "Nữ", _ => "" };

    static string? MaskOrNull(string? id) => id is null ? null : HouseholdRowParser.Mask(id);

    static List<string> Split(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The latest census year in the caller's units, for pages that default to it.</summary>
    public static async Task<int?> LatestYearAsync(AppDbContext db, IQueryable<int> scope, CancellationToken ct = default) =>
        await db.CensusEntries.Where(c => scope.Contains(c.Household!.OrgUnitId)).MaxAsync(c => (int?)c.Year, ct);
}
