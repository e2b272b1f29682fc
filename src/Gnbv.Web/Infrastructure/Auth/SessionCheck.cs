using System.Security.Claims;
using Gnbv.Data.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>
/// Checks the sign-in cookie against the database on every request: the account must exist, be
/// enabled and still carry the security stamp the cookie was issued with. Signing out, disabling,
/// a new role or password renew the stamp, so a copy of the cookie taken before stops working at
/// once, not at Identity's default 30-minute revalidation or the cookie's 8-hour expiry. One
/// indexed read of two columns; nothing is rewritten, so no cookie is re-sent on every answer.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var types = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(types.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(types.SecurityStampClaimType);
        string? current = null;
        if (id is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == id && u.DisabledAt == null)
                .Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        }
        if (current is not null && string.Equals(current, stamp, StringComparison.Ordinal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
