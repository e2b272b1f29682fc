using Gnbv.Domain.Units;
using Microsoft.AspNetCore.Identity;

namespace Gnbv.Data.Users;

/// <summary>A person who signs in. Belongs to one unit; their role applies to that unit's subtree.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>
    /// When an administrator disabled the account: no sign-in, no session, no token until enabled.
    /// Kept apart from Identity's lockout, which only pauses password sign-in after wrong passwords.
    /// </summary>
    public DateTime? DisabledAt { get; set; }
}
