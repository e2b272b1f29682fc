using System.Security.Claims;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>The actor of the current request (user, role, unit subtree), loaded once per request.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, AppDbContext db, UserAdmin users, Gnbv.Data.Units.UnitResolver units)
{
    private Actor? _actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (_actor is not null) return _actor;
        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var actor = id is null ? null : await users.ActorAsync(id, ct);
        return _actor = actor ?? throw new AccessDeniedException("Chưa đăng nhập (not signed in)");
    }

    public async Task<Actor> RequireReadAsync(OrgUnit unit, CancellationToken ct = default)
    {
        var actor = await GetAsync(ct);
        if (!actor.CanRead(unit)) throw new AccessDeniedException($"{actor.Name} không có quyền xem dữ liệu của đơn vị {unit.Code} {unit.Name} (forbidden unit)");
        return actor;
    }

    /// <summary>The unit named in a request (code or name, narrowed by the period), if the actor may read it; else 403.</summary>
    public async Task<OrgUnit> ReadableUnitAsync(string orgUnit, Gnbv.Domain.Periods.Period? period, CancellationToken ct = default)
    {
        var unit = await units.ResolveAsync(orgUnit, period, ct);
        await RequireReadAsync(unit, ct);
        return unit;
    }

    /// <summary>
    /// Ids of the units a list covers: the named unit's subtree when one is given (403 if the actor
    /// may not read it; 404-like empty when it does not exist), else every unit the actor may read.
    /// </summary>
    public async Task<IQueryable<int>> ScopeAsync(string? orgUnit, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(orgUnit)) return (await ReadableUnitsAsync(ct)).Select(u => u.Id);
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == orgUnit, ct);
        if (unit is null) return db.OrgUnits.Where(_ => false).Select(u => u.Id);
        await RequireReadAsync(unit, ct);
        return db.OrgUnits.Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id);
    }

    /// <summary>The units whose data the actor may read: every unit for the administrator, else the subtree.</summary>
    public async Task<IQueryable<OrgUnit>> ReadableUnitsAsync(CancellationToken ct = default)
    {
        var actor = await GetAsync(ct);
        return actor.IsAdmin ? db.OrgUnits : db.OrgUnits.Where(u => u.Path.StartsWith(actor.UnitPath ?? "\u0000"));
    }
}
