using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Domain;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Time;
using Gnbv.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Users;

/// <summary>One account as the administrator lists it.</summary>
public sealed record UserInfo(string UserName, string FullName, string Role, string? Unit, string? UnitName,
    DateTime? DisabledAt, DateTimeOffset? LockedUntil, int ActiveTokens);

/// <summary>
/// Creates users and their roles without a web host, for the CLI, the demo and the admin page; and
/// cuts them off: disable and enable, change role and unit, reset the password. Every change is
/// audited (entity "user": who, when, what, why) in the same save, and every change that alters
/// what a signed-in browser may do renews the security stamp, which ends the user's sessions.
/// </summary>
public sealed class UserAdmin(AppDbContext db, UnitResolver units, TimeProvider clock)
{
    public const int MinPasswordLength = 10;

    /// <summary>The longest reason an audit entry keeps (the column's length).</summary>
    public const int MaxReasonLength = 2000;

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            var normalized = role.ToUpperInvariant();
            if (!await db.Roles.AnyAsync(r => r.NormalizedName == normalized, ct))
                db.Roles.Add(new IdentityRole(role) { NormalizedName = normalized });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <param name="by">Who creates the account, for the audit; null: the context's actor (the CLI's, the demo's).</param>
    public async Task<AppUser> CreateAsync(string userName, string fullName, string role, string? unit, string password, CancellationToken ct = default, string? by = null)
    {
        userName = userName.Trim();
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            throw new DomainException($"Tên đăng nhập '{userName}' không hợp lệ: 3-64 ký tự a-z, 0-9, . - _ @ (invalid user name)");
        if (!Roles.All.Contains(role))
            throw new DomainException($"Vai trò '{role}' không hợp lệ; dùng một trong: {string.Join(", ", Roles.All)} (invalid role)");
        if (password.Length < MinPasswordLength)
            throw new DomainException($"Mật khẩu phải có ít nhất {MinPasswordLength} ký tự (password too short)");
        var normalized = userName.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            throw new DomainException($"Tên đăng nhập '{userName}' đã có (user exists)");
        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(unit)) unitId = (await units.ResolveAsync(unit, null, ct)).Id;
        else if (role != Roles.Admin) throw new DomainException("Người dùng không phải quản trị phải thuộc một đơn vị (--unit) (a unit is required)");

        await EnsureRolesAsync(ct);
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = normalized,
            FullName = fullName,
            OrgUnitId = unitId,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, password);
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.NormalizedName == role.ToUpperInvariant()).Select(r => r.Id).SingleAsync(ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        Audit(user, "insert", new() { ["Role"] = [null, role], ["Unit"] = [null, unit is null ? null : await UnitCodeAsync(unitId, ct)] }, by ?? db.Actor, null);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <param name="userName">Only this user; null: every user, by name.</param>
    public async Task<List<UserInfo>> ListAsync(CancellationToken ct = default, string? userName = null)
    {
        var now = clock.UtcNow();
        var users = db.Users.AsNoTracking();
        if (userName?.Trim().ToUpperInvariant() is { } normalized) users = users.Where(u => u.NormalizedUserName == normalized);
        var rows = await users.OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.UserName,
                u.FullName,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                Unit = u.OrgUnit!.Code,
                UnitName = u.OrgUnit!.Name,
                u.DisabledAt,
                u.LockoutEnd,
                Tokens = db.ApiTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)),
            })
            .ToListAsync(ct);
        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare in SQL: a past lockout is dropped here.
        return rows.Select(r => new UserInfo(r.UserName ?? "", r.FullName, r.Role ?? Roles.Viewer, r.Unit, r.UnitName, r.DisabledAt,
            r.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : null, r.Tokens)).ToList();
    }

    /// <summary>
    /// Disables the account: sign-in is refused, every session ends (new security stamp) and every
    /// token is revoked, not merely paused: enabling the account again does not bring them back.
    /// </summary>
    /// <returns>False when the account was already disabled (nothing changed, nothing audited).</returns>
    public async Task<bool> DisableAsync(string userName, string by, string? reason, CancellationToken ct = default)
    {
        var user = await FindAsync(userName, ct);
        if (user.DisabledAt is not null) return false;
        if (user.UserName == by) throw new DomainException("Không thể tự khóa tài khoản của chính mình (you cannot disable yourself)");
        if (await RoleOfAsync(user.Id, ct) == Roles.Admin && await OtherActiveAdminsAsync(user.Id, ct) == 0)
            throw new DomainException($"{user.UserName} là quản trị viên duy nhất còn hoạt động; thêm quản trị viên khác trước (the last active administrator)");
        var now = clock.UtcNow();
        user.DisabledAt = now;
        user.SecurityStamp = NewStamp();
        var revoked = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(ct);
        foreach (var t in revoked)
        {
            t.RevokedAt = now;
            db.AuditEntries.Add(Entry(AuditEntities.ApiToken, $"{user.UserName}/{t.Prefix}", user.OrgUnitId, "revoke",
                new() { ["RevokedAt"] = [null, Stamp(now)] }, by, reason, now));
        }
        Audit(user, "disable", new() { ["DisabledAt"] = [null, Stamp(now)], ["TokensRevoked"] = [null, revoked.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)] }, by, reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <returns>False when the account was not disabled.</returns>
    public async Task<bool> EnableAsync(string userName, string by, string? reason, CancellationToken ct = default)
    {
        var user = await FindAsync(userName, ct);
        if (user.DisabledAt is not { } was) return false;
        user.DisabledAt = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        Audit(user, "enable", new() { ["DisabledAt"] = [Stamp(was), null] }, by, reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Gives the user another role, and another unit when <paramref name="unit"/> is given (an
    /// empty unit is allowed for an administrator only). The user's browsers are signed out, so the
    /// next sign-in carries the new rights; tokens read the role on every request and keep working.
    /// </summary>
    public async Task ChangeRoleAsync(string userName, string role, string? unit, string by, string? reason, CancellationToken ct = default)
    {
        var user = await FindAsync(userName, ct);
        if (!Roles.All.Contains(role))
            throw new DomainException($"Vai trò '{role}' không hợp lệ; dùng một trong: {string.Join(", ", Roles.All)} (invalid role)");
        var oldRole = await RoleOfAsync(user.Id, ct);
        var oldUnit = await UnitCodeAsync(user.OrgUnitId, ct);
        int? unitId = user.OrgUnitId;
        if (unit is not null) unitId = string.IsNullOrWhiteSpace(unit) ? null : (await units.ResolveAsync(unit.Trim(), null, ct)).Id;
        if (unitId is null && role != Roles.Admin)
            throw new DomainException("Người dùng không phải quản trị phải thuộc một đơn vị (--unit) (a unit is required)");
        if (oldRole == Roles.Admin && role != Roles.Admin && user.DisabledAt is null && await OtherActiveAdminsAsync(user.Id, ct) == 0)
            throw new DomainException($"{user.UserName} là quản trị viên duy nhất còn hoạt động; thêm quản trị viên khác trước (the last active administrator)");
        var newUnit = await UnitCodeAsync(unitId, ct);
        if (oldRole == role && oldUnit == newUnit) return;

        await EnsureRolesAsync(ct);
        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(ct));
        var roleId = await db.Roles.Where(r => r.NormalizedName == role.ToUpperInvariant()).Select(r => r.Id).SingleAsync(ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        user.OrgUnitId = unitId;
        user.SecurityStamp = NewStamp();
        var changes = new Dictionary<string, string?[]>();
        if (oldRole != role) changes["Role"] = [oldRole, role];
        if (oldUnit != newUnit) changes["Unit"] = [oldUnit, newUnit];
        Audit(user, "role", changes, by, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sets a new password (a random one when <paramref name="password"/> is empty, returned to be
    /// shown once), lifts a lockout and ends the user's sessions. Tokens are separate credentials
    /// and stay; revoke them apart.
    /// </summary>
    public async Task<string> ResetPasswordAsync(string userName, string? password, string by, string? reason, CancellationToken ct = default)
    {
        var user = await FindAsync(userName, ct);
        if (string.IsNullOrEmpty(password)) password = GeneratePassword();
        else if (password.Length < MinPasswordLength)
            throw new DomainException($"Mật khẩu phải có ít nhất {MinPasswordLength} ký tự (password too short)");
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, password);
        user.SecurityStamp = NewStamp();
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        Audit(user, "password", new() { ["Password"] = [null, "đặt lại (reset)"] }, by, reason);
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>Ends every browser session of the user (sign-out, everywhere): their cookies no longer match the stamp.</summary>
    public async Task EndSessionsAsync(string userId, CancellationToken ct = default) =>
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, NewStamp()), ct);

    /// <summary>The user by name; a <see cref="DomainException"/> naming it when there is none.</summary>
    public async Task<AppUser> FindAsync(string userName, CancellationToken ct = default)
    {
        var normalized = (userName ?? "").Trim().ToUpperInvariant();
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new DomainException($"Không có người dùng '{userName}' (unknown user)");
    }

    private async Task<int> OtherActiveAdminsAsync(string userId, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               join u in db.Users on ur.UserId equals u.Id
               where r.NormalizedName == "ADMIN" && u.Id != userId && u.DisabledAt == null
               select u.Id).CountAsync(ct);

    private async Task<string?> UnitCodeAsync(int? unitId, CancellationToken ct) =>
        unitId is { } id ? await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Code).SingleOrDefaultAsync(ct) : null;

    private void Audit(AppUser user, string action, Dictionary<string, string?[]> changes, string by, string? reason) =>
        db.AuditEntries.Add(Entry(AuditEntities.User, user.UserName ?? user.Id, user.OrgUnitId, action, changes, by, reason, clock.UtcNow()));

    /// <summary>An account audit entry (users and tokens): the reason checked as every reason is.</summary>
    internal static AuditEntry Entry(string entity, string key, int? unitId, string action, Dictionary<string, string?[]> changes,
        string by, string? reason, DateTime now)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > MaxReasonLength)
            throw new DomainException($"Lý do dài {reason.Length} ký tự, tối đa {MaxReasonLength} (reason too long)");
        return new AuditEntry
        {
            Entity = entity,
            EntityKey = key,
            OrgUnitId = unitId,
            Action = action,
            Changes = JsonSerializer.Serialize(changes, AuditJson),
            Reason = reason,
            ChangedBy = string.IsNullOrEmpty(by) ? "system" : by,
            ChangedAt = now,
        };
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Stamp(DateTime utc) => utc.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    public async Task<string> RoleOfAsync(string userId, CancellationToken ct = default) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).FirstOrDefaultAsync(ct)
        ?? Roles.Viewer;

    public async Task<Actor> ActorAsync(AppUser user, CancellationToken ct = default)
    {
        var role = await RoleOfAsync(user.Id, ct);
        var path = user.OrgUnitId is { } id ? await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Path).SingleOrDefaultAsync(ct) : null;
        return new Actor(user.UserName ?? user.Id, role, user.OrgUnitId, path);
    }

    /// <summary>The actor of a user id in one round trip (user, role, unit path); null for an unknown user.</summary>
    public async Task<Actor?> ActorAsync(string userId, CancellationToken ct = default)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                Name = u.UserName ?? u.Id,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                u.OrgUnitId,
                Path = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Path).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new Actor(row.Name, row.Role ?? Roles.Viewer, row.OrgUnitId, row.Path);
    }

    /// <summary>A random password for a new user, shown once.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
}
