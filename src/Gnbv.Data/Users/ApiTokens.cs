using System.Security.Cryptography;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Domain;
using Gnbv.Domain.Time;
using Gnbv.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Users;

/// <summary>Personal access tokens: "gnbv_" + 32 random bytes; the database keeps only their SHA-256.</summary>
public sealed class ApiTokens(AppDbContext db, TimeProvider clock)
{
    public const string Prefix = "gnbv_";

    /// <summary>How stale <see cref="ApiToken.LastUsedAt"/> may be.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userName, string name, int? days, CancellationToken ct = default)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new DomainException($"Không có người dùng '{userName}' (unknown user)");
        if (days is <= 0) throw new DomainException("Số ngày hiệu lực phải lớn hơn 0 (--days must be positive)");
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim(),
            Prefix = secret[..12],
            Hash = Hash(secret),
            CreatedAt = clock.UtcNow(),
            ExpiresAt = days is { } d ? clock.UtcNow().AddDays(d) : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The user of a valid (known, not revoked, not expired) token, with the user's roles; or null.</summary>
    public async Task<TokenUser?> FindUserAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        var now = clock.UtcNow();
        // One round trip for the token, its user and the user's roles: this runs on every API request.
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
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
