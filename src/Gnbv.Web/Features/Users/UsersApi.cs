using Gnbv.Data.Users;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gnbv.Web.Features.Users;

/// <summary>An account as the administrator lists it (never a password or a token).</summary>
public sealed record UserDto(string UserName, string FullName, string Role, string? Unit, string? UnitName, bool Disabled,
    DateTime? DisabledAt, DateTimeOffset? LockedUntil, int ActiveTokens)
{
    public static UserDto From(UserInfo u) =>
        new(u.UserName, u.FullName, u.Role, u.Unit, u.UnitName, u.DisabledAt is not null, u.DisabledAt, u.LockedUntil, u.ActiveTokens);
}

/// <summary>Why an account or token is changed; kept in the audit.</summary>
public sealed record ReasonRequest(string? Reason);

public sealed record RoleRequest(string Role, string? Unit, string? Reason);

public sealed record PasswordRequest(string? Password, string? Reason);

/// <summary>The new password, only when the server generated it (shown once).</summary>
public sealed record PasswordResetDto(string UserName, string? GeneratedPassword);

public sealed record RevokedDto(string UserName, int Revoked);

/// <summary>
/// Cutting people off, administrator only: disable and enable an account, change its role and
/// unit, reset its password, list and revoke its tokens. Every change is audited with who, when
/// and the reason given (entity "user" and "api-token" of /api/v1/audit).
/// </summary>
public static class UsersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (UserAdmin users, CancellationToken ct) =>
                TypedResults.Ok((await users.ListAsync(ct)).Select(UserDto.From).ToList()))
            .WithName("ListUsers")
            .WithSummary("Người dùng: vai trò, đơn vị, bị khóa hay không, tạm dừng đăng nhập đến khi nào, số token còn hiệu lực");
        group.MapPost("/{userName}/disable", async (string userName, ReasonRequest? body, UserAdmin users, CurrentActor actor, CancellationToken ct) =>
            {
                await users.DisableAsync(userName, (await actor.GetAsync(ct)).Name, body?.Reason, ct);
                return await OneAsync(users, userName, ct);
            })
            .WithName("DisableUser")
            .WithSummary("Khóa tài khoản: không đăng nhập được, mọi phiên đăng nhập kết thúc ngay, mọi token bị thu hồi; ghi nhật ký với lý do");
        group.MapPost("/{userName}/enable", async (string userName, ReasonRequest? body, UserAdmin users, CurrentActor actor, CancellationToken ct) =>
            {
                await users.EnableAsync(userName, (await actor.GetAsync(ct)).Name, body?.Reason, ct);
                return await OneAsync(users, userName, ct);
            })
            .WithName("EnableUser")
            .WithSummary("Mở khóa tài khoản (token đã thu hồi không hiệu lực lại: tạo token mới); ghi nhật ký với lý do");
        group.MapPut("/{userName}/role", async (string userName, RoleRequest body, UserAdmin users, CurrentActor actor, CancellationToken ct) =>
            {
                await users.ChangeRoleAsync(userName, body.Role, body.Unit, (await actor.GetAsync(ct)).Name, body.Reason, ct);
                return await OneAsync(users, userName, ct);
            })
            .WithName("ChangeUserRole")
            .WithSummary("Đổi vai trò (và đơn vị, nếu gửi unit) của người dùng; các phiên đăng nhập kết thúc để quyền mới áp dụng ngay; ghi nhật ký");
        group.MapPost("/{userName}/password", async (string userName, PasswordRequest? body, UserAdmin users, CurrentActor actor, CancellationToken ct) =>
            {
                var password = await users.ResetPasswordAsync(userName, body?.Password, (await actor.GetAsync(ct)).Name, body?.Reason, ct);
                return TypedResults.Ok(new PasswordResetDto(userName, string.IsNullOrEmpty(body?.Password) ? password : null));
            })
            .WithName("ResetUserPassword")
            .WithSummary("Đặt lại mật khẩu (không gửi password: sinh ngẫu nhiên, trả về một lần); bỏ tạm dừng đăng nhập, kết thúc các phiên; ghi nhật ký");
        group.MapGet("/{userName}/tokens", async (string userName, ApiTokens tokens, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListAsync(userName, ct)))
            .WithName("ListUserTokens")
            .WithSummary("Token truy cập API của người dùng (chỉ phần đầu, không bao giờ cả token): tạo, hết hạn, dùng lần cuối, thu hồi");
        group.MapPost("/{userName}/tokens/{token}/revoke", async (string userName, string token, ReasonRequest? body, ApiTokens tokens, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(new RevokedDto(userName, await tokens.RevokeAsync(userName, token, (await actor.GetAsync(ct)).Name, body?.Reason, ct))))
            .WithName("RevokeUserToken")
            .WithSummary("Thu hồi một token (theo mã số hoặc phần đầu trong danh sách); có hiệu lực từ yêu cầu tiếp theo; ghi nhật ký");
        group.MapPost("/{userName}/tokens/revoke", async (string userName, ReasonRequest? body, ApiTokens tokens, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(new RevokedDto(userName, await tokens.RevokeAsync(userName, null, (await actor.GetAsync(ct)).Name, body?.Reason, ct))))
            .WithName("RevokeUserTokens")
            .WithSummary("Thu hồi mọi token còn hiệu lực của người dùng; ghi nhật ký");
    }

    private static async Task<Ok<UserDto>> OneAsync(UserAdmin users, string userName, CancellationToken ct)
    {
        var found = await users.ListAsync(ct, userName);
        return found.Count == 1 ? TypedResults.Ok(UserDto.From(found[0]))
            : throw new Domain.DomainException($"Không có người dùng '{userName}' (unknown user)");
    }
}
