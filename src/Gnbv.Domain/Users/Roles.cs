namespace Gnbv.Domain.Users;

/// <summary>
/// What a user may do; where is decided by the user's unit: a user acts on that unit and its
/// subtree only, except the administrator, who acts everywhere.
/// </summary>
public static class Roles
{
    /// <summary>Cán bộ cấp xã: enters and submits the figures of their commune.</summary>
    public const string CommuneOfficer = "commune-officer";

    /// <summary>Cán bộ cấp huyện/tỉnh: sees the subtree, enters, approves, consolidates, reports.</summary>
    public const string DistrictOfficer = "district-officer";

    /// <summary>Reads the subtree, changes nothing.</summary>
    public const string Viewer = "viewer";

    /// <summary>Manages units, catalogue, indicators and users, everywhere.</summary>
    public const string Admin = "admin";

    public static readonly string[] All = [CommuneOfficer, DistrictOfficer, Viewer, Admin];

    public static bool CanWriteData(string role) => role is CommuneOfficer or DistrictOfficer or Admin;
}
