using System.Security.Claims;
using Gnbv.Data.Users;
using Gnbv.Web.Infrastructure;
using Gnbv.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Gnbv.Web.Features.Account;

/// <summary>Sign-in and sign-out by form post: antiforgery-checked, rate-limited, with lockout of sign-in.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInRateLimit);
        // Signing out ends every session of the user, not only this browser's: the stamp every cookie
        // carries is renewed, so a cookie copied before stops working too. API tokens stay (they are the
        // integration's; revoke them with gnbv users revoke or on the administration page).
        group.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn, UserAdmin users) =>
        {
            if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id) await users.EndSessionsAsync(id, http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, PasswordSignIn signIn)
    {
        var back = LocalUrl.OrRoot(returnUrl);
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrEmpty(password) && await signIn.TrySignInAsync(userName.Trim(), password))
            return Results.LocalRedirect(back);
        // One answer for every failure (unknown user, wrong password, lockout, disabled account).
        return Results.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
    }
}
