using System.Security.Claims;
using System.Text.Encodings.Web;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>Authenticates "Authorization: Bearer gnbv_..." with a personal access token.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        // A disabled account's tokens are refused; a sign-in lockout (wrong passwords, which anyone
        // can type) does not touch them: it would let a stranger cut off an integration.
        var found = await tokens.FindUserAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is null)
            return AuthenticateResult.Fail("Token không hợp lệ, đã thu hồi hoặc hết hạn (invalid token)");
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(found), Scheme.Name));
    }

    /// <summary>
    /// The claims the app reads (id, name, roles), from the row the token lookup already brought:
    /// Identity's claims factory would query the user's roles, role claims and user claims again on
    /// every request, and the app keeps no claims of its own.
    /// </summary>
    private ClaimsPrincipal Principal(TokenUser found)
    {
        var types = identity.Value.ClaimsIdentity;
        var claims = new ClaimsIdentity(Scheme.Name, types.UserNameClaimType, types.RoleClaimType);
        claims.AddClaim(new Claim(types.UserIdClaimType, found.User.Id));
        claims.AddClaim(new Claim(types.UserNameClaimType, found.User.UserName ?? found.User.Id));
        foreach (var role in found.Roles) claims.AddClaim(new Claim(types.RoleClaimType, role));
        return new ClaimsPrincipal(claims);
    }
}
