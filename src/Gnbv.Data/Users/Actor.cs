using Gnbv.Domain.Units;
using Gnbv.Domain.Users;

namespace Gnbv.Data.Users;

/// <summary>
/// Who is acting and where they may act: their role over their unit's subtree (by the unit's path).
/// The administrator and the system (CLI, seed, demo) act everywhere.
/// </summary>
public sealed record Actor(string Name, string Role, int? UnitId, string? UnitPath)
{
    public static readonly Actor System = new("system", Roles.Admin, null, "/");

    public bool IsAdmin => Role == Roles.Admin;

    public bool CanRead(OrgUnit unit) => IsAdmin || (UnitPath is not null && unit.Path.StartsWith(UnitPath, StringComparison.Ordinal));

    public bool CanWrite(OrgUnit unit) => Roles.CanWriteData(Role) && CanRead(unit);

    public bool CanWriteData => Roles.CanWriteData(Role);

    public bool CanWriteMetadata => IsAdmin;
}
