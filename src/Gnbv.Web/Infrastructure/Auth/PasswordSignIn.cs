using Gnbv.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace Gnbv.Web.Infrastructure.Auth;

/// <summary>
/// Password sign-in that tells a stranger nothing: an unknown user name, a wrong password, a
/// locked-out or a disabled account all get the same answer after the same work (the password
/// hasher runs once in every case, on a dummy hash when there is no user), so neither the answer
/// nor its time says whether the account exists. Wrong passwords lock sign-in for a while
/// (Identity's lockout); they never touch the account's API tokens.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { UserName = "", SecurityStamp = "" };

    // The same algorithm and cost as a real account's hash: verifying it takes as long.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    /// <returns>True when the user is signed in (the cookie is set on the response).</returns>
    public async Task<bool> TrySignInAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            return false;
        }
        var matches = hasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash.Value, password) != PasswordVerificationResult.Failed
                      && user.PasswordHash is not null;
        if (user.DisabledAt is not null || await users.IsLockedOutAsync(user)) return false;
        if (!matches)
        {
            await users.AccessFailedAsync(user);
            return false;
        }
        if (user.AccessFailedCount > 0) await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return true;
    }
}
