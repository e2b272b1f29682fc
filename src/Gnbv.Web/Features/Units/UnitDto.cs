using Gnbv.Domain.Units;

namespace Gnbv.Web.Features.Units;

public sealed record UnitDto(
    string Code, string? OfficialCode, string Name, string Kind, string? Parent, int Level,
    DateOnly? ValidFrom, DateOnly? ValidTo, string? Successor);

public static class UnitDtoMapping
{
    public static UnitDto ToDto(this OrgUnit u, IReadOnlyDictionary<int, string> codes) => new(
        u.Code, u.OfficialCode, u.Name, UnitKinds.Code(u.Kind),
        u.ParentId is { } p ? codes[p] : null, u.Level, u.ValidFrom, u.ValidTo,
        u.SuccessorId is { } s ? codes[s] : null);
}
