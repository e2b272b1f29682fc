namespace Gnbv.Domain.Units;

public static class UnitKinds
{
    private static readonly Dictionary<string, UnitKind> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nation"] = UnitKind.Nation,
        ["province"] = UnitKind.Province,
        ["district"] = UnitKind.District,
        ["commune"] = UnitKind.Commune,
        ["ward"] = UnitKind.Ward,
        ["town"] = UnitKind.Town,
        ["village"] = UnitKind.Village,
    };

    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    public static bool TryParse(string? code, out UnitKind kind) => ByCode.TryGetValue(code ?? "", out kind);

    public static string Code(UnitKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The Vietnamese word for the kind, as it prefixes a unit's name.</summary>
    public static string VietnameseName(UnitKind kind) => kind switch
    {
        UnitKind.Nation => "Toàn quốc",
        UnitKind.Province => "Tỉnh",
        UnitKind.District => "Huyện",
        UnitKind.Commune => "Xã",
        UnitKind.Ward => "Phường",
        UnitKind.Town => "Thị trấn",
        UnitKind.Village => "Thôn",
        _ => "",
    };
}
