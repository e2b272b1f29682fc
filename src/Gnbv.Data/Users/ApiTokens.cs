using System.Security.Cryptography;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Domain;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Time;
using Gnbv.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Users;

/// <summary>One token as its list shows it: never the token itself, only its first characters.</summary>
public sealed record TokenInfo(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool ActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>
/// Personal access tokens: "gnbv_" + 32 random bytes; the database keeps only their SHA-256. Every
/// token expires (<see cref="DefaultDays"/> unless asked otherwise, at most <see cref="MaxDays"/>);
/// creating and revoking are audited (entity "api-token", key "user/prefix").
/// </summary>
public sealed class ApiTokens(AppDbContext db, TimeProvider clock)
{
    public const string Prefix = "gnbv_";

    /// <summary>A token's life when none is asked for: a quarter, so a forgotten integration token dies on its own.</summary>
    public const int DefaultDays = 90;

    /// <summary>The longest life a token may be given: a year, renewed on purpose.</summary>
    public const int MaxDays = 366;

    /// <summary>How stale <see cref="ApiToken.LastUsedAt"/> may be.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <param name="days">Days of validity; null: <see cref="DefaultDays"/>.</param>
    /// <param name="by">Who creates it, for the audit; null: the context's actor.</param>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userName, string name, int? days, CancellationToken ct = default, string? by = null)
    {
        var user = await UserAsync(userName, ct);
        if (user.DisabledAt is not null) throw new DomainException($"Tài khoản '{user.UserName}' đang bị khóa (the user is disabled)");
        if (days is <= 0 or > MaxDays) throw new DomainException($"Số ngày hiệu lực phải từ 1 đến {MaxDays} (--days must be 1 to {MaxDays})");
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim(),
            Prefix = secret[..12],
            Hash = Hash(secret),
            CreatedAt = clock.UtcNow(),
            ExpiresAt = clock.UtcNow().AddDays(days ?? DefaultDays),
        };
        db.ApiTokens.Add(token);
        db.AuditEntries.Add(UserAdmin.Entry(AuditEntities.ApiToken, $"{user.UserName}/{token.Prefix}", user.OrgUnitId, "insert",
            new() { ["Name"] = [null, token.Name], ["ExpiresAt"] = [null, token.ExpiresAt.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture)] },
            by ?? db.Actor, null, clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The user's tokens, newest first, revoked and expired ones included.</summary>
    public async Task<List<TokenInfo>> ListAsync(string userName, CancellationToken ct = default)
    {
        var user = await UserAsync(userName, ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderByDescending(t => t.Id)
            .Select(t => new TokenInfo(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Revokes one token of the user (by its id or its prefix as the list shows them), or every
    /// active one when <paramref name="token"/> is null. Takes effect on the token's next request.
    /// </summary>
    /// <returns>How many tokens were revoked (0: that token was revoked already).</returns>
    public async Task<int> RevokeAsync(string userName, string? token, string by, string? reason, CancellationToken ct = default)
    {
        var user = await UserAsync(userName, ct);
        var query = db.ApiTokens.Where(t => t.UserId == user.Id);
        if (token is not null)
        {
            token = token.Trim();
            query = int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? query.Where(t => t.Id == id)
                : query.Where(t => t.Prefix == token);
        }
        var found = await query.ToListAsync(ct);
        if (token is not null && found.Count == 0)
            throw new DomainException($"{user.UserName} không có token '{token}' (unknown token: use the id or prefix of gnbv users tokens)");
        var now = clock.UtcNow();
        var revoked = found.Where(t => t.RevokedAt is null).ToList();
        foreach (var t in revoked)
        {
            t.RevokedAt = now;
            db.AuditEntries.Add(UserAdmin.Entry(AuditEntities.ApiToken, $"{user.UserName}/{t.Prefix}", user.OrgUnitId, "revoke",
                new() { ["RevokedAt"] = [null, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)] }, by, reason, now));
        }
        await db.SaveChangesAsync(ct);
        return revoked.Count;
    }

    private async Task<AppUser> UserAsync(string userName, CancellationToken ct)
    {
        var normalized = (userName ?? "").Trim().ToUpperInvariant();
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new DomainException($"Không có người dùng '{userName}' (unknown user)");
    }

    /// <summary>
    /// The user of a valid (known, not revoked, not expired) token of an enabled account, with the
    /// user's roles; or null. A sign-in lockout does not stop tokens: guessing a user's password
    /// must not cut off their integration.
    /// </summary>
    public async Task<TokenUser?> FindUserAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        var now = clock.UtcNow();
        // One round trip for the token, its user and the user's roles: this runs on every API request.
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users.Where(u => u.DisabledAt == null), t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Id,
                t.ExpiresAt,
                t.LastUsedAt,
                User = u,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null || found.ExpiresAt < now) return null;
        // "Last used" to the minute: a client sending many requests writes the row once a minute,
        // not on every request (where its concurrent requests would queue on that one row's lock).
        if (found.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return new TokenUser(found.User, found.Roles);
    }
}

public sealed record TokenUser(AppUser User, IReadOnlyList<string> Roles);
