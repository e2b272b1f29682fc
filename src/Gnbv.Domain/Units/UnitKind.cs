namespace Gnbv.Domain.Units;

/// <summary>Kinds of administrative unit (cấp hành chính).</summary>
public enum UnitKind
{
    Nation = 0,
    Province = 1,
    District = 2,
    Commune = 3,
    Ward = 4,
    Town = 5,
    Village = 6,
}
