using Gnbv.Domain.Units;
using Microsoft.AspNetCore.Identity;

namespace Gnbv.Data.Users;

/// <summary>A person who signs in. Belongs to one unit; their role applies to that unit's subtree.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
}
