using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Domain;
using Gnbv.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Users;

/// <summary>Creates users and their roles without a web host, for the CLI, the demo and the admin page.</summary>
public sealed class UserAdmin(AppDbContext db, UnitResolver units)
{
    public const int MinPasswordLength = 10;

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

    public async Task<AppUser> CreateAsync(string userName, string fullName, string role, string? unit, string password, CancellationToken ct = default)
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
        await db.SaveChangesAsync(ct);
        return user;
    }

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
