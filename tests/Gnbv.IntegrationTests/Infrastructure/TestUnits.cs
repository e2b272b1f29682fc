using Gnbv.Data.Imports;

namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>A small synthetic tree (province 90 > district 901 > communes 90101, 90102, 90103) with a 2025 merger.</summary>
public static class TestUnits
{
    public static List<OrgUnitRow> Tree() =>
    [
        new() { Code = "90", Name = "Tỉnh Thử", Kind = "province" },
        new() { Code = "901", Name = "Huyện Một", Kind = "district", Parent = "90", ValidTo = "2025-06-30" },
        new() { Code = "90101", Name = "Xã A", Kind = "commune", Parent = "901", ValidTo = "2025-06-30", Successor = "90150" },
        new() { Code = "90102", Name = "Xã B", Kind = "commune", Parent = "901", ValidTo = "2025-06-30", Successor = "90150" },
        new() { Code = "90103", Name = "Xã C", Kind = "commune", Parent = "901", ValidTo = "2025-06-30" },
        new() { Code = "90150", Name = "Xã Mới", Kind = "commune", Parent = "90", ValidFrom = "2025-07-01" },
    ];

    public static DataValueRow Value(string unit, string period, string value, string element = "CS.TD_HO_NGHEO_LUOT", string? disaggregation = null) =>
        new() { DataElement = element, OrgUnit = unit, Period = period, Value = value, Disaggregation = disaggregation };
}
