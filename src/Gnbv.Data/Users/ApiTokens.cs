using System.Security.Cryptography;
using System.Text;
using Gnbv.Data.Database;
using Gnbv.Domain;
using Gnbv.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Users;

/// <summary>Personal access tokens: "gnbv_" + 32 random bytes; the database keeps only their SHA-256.</summary>
public static class ApiTokens
{
    public const string Prefix = "gnbv_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static async Task<(ApiToken Token, string Secret)> CreateAsync(AppDbContext db, string userName, string name, int? days, CancellationToken ct = default)
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
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = days is { } d ? DateTime.UtcNow.AddDays(d) : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The user of a valid (known, not revoked, not expired) token, or null.</summary>
    public static async Task<AppUser?> FindUserAsync(AppDbContext db, string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        var now = DateTime.UtcNow;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (token is null || token.ExpiresAt < now) return null;
        await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
    }
}
