namespace Gnbv.Domain.Units;

/// <summary>
/// An administrative unit in a tree of any depth. <see cref="Path"/> holds the codes from the root
/// ("/04/042/01290/") so that a subtree is one prefix query on every database.
/// </summary>
public class OrgUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }

    /// <summary>The GSO code (mã đơn vị hành chính). Not unique: the 2025 reform reused old codes for new communes.</summary>
    public string? OfficialCode { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public string Path { get; set; } = "/";
    public int Level { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>The unit this one was merged into; its data rolls up into the successor.</summary>
    public int? SuccessorId { get; set; }
    public OrgUnit? Successor { get; set; }

    /// <summary>Province code, carried for partitioning large tables by province.</summary>
    public string? ProvinceCode { get; set; }

    public static string PathOf(OrgUnit? parent, string code) => (parent?.Path ?? "/") + code + "/";

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);
}
