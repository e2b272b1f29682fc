using System.Globalization;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Domain.Units;

namespace Gnbv.TestData.National;

/// <summary>
/// A synthetic country for benchmarks and scale tests, written in the ordinary import formats: 34
/// provinces, about 3,300 communes in districts, and for each commune a year of indicator values
/// (two half-years), a target, capital allocations and disbursements by source, and works. Every
/// code starts with "GL" and every name says "giả lập" (synthetic); the same seed gives the same
/// files byte for byte. Households come from <see cref="Households.HouseholdGenerator"/> over the
/// same communes. Figures keep the program's own rules (parts within totals, the rice norm, new plus
/// continuing works), so the validation rules find few violations, as on real data.
/// </summary>
public static class NationalGenerator
{
    public const string NationCode = "GL";
    public const int Provinces = 34;
    public const int CommunesPerProvince = 97;
    public const int CommunesPerDistrict = 12;

    static readonly string[] Sources = ["NSTW_DTPT", "NSTW_SN", "NSDP"];
    static readonly (string Item, string Source, long Min, long Max)[] Allocations =
    [
        ("DA1.TDA1", "NSTW_DTPT", 2_000, 9_000),
        ("DA1.TDA1", "NSTW_SN", 200, 900),
        ("DA2", "NSTW_SN", 300, 1_500),
        ("DA3.TDA1", "NSTW_SN", 100, 600),
        ("DA4.TDA1", "NSTW_SN", 50, 300),
        ("DA5", "NSTW_SN", 500, 3_000),
        ("DA5", "NSDP", 100, 600),
    ];
    static readonly string[] WorkKinds = ["transport", "irrigation", "school", "health", "electricity", "clean-water"];
    static readonly string[] WorkNames = ["Đường giao thông nông thôn", "Kênh mương nội đồng", "Phòng học điểm trường", "Trạm y tế", "Cấp điện", "Công trình nước sinh hoạt"];

    public sealed record Unit(string Code, string Name, UnitKind Kind, string? Parent);

    /// <summary>The nation, its provinces, districts and communes, parents before children.</summary>
    public static List<Unit> Units(int seed)
    {
        var r = new Random(seed);
        var units = new List<Unit> { new(NationCode, "(dữ liệu giả lập)", UnitKind.Nation, null) };
        for (var p = 1; p <= Provinces; p++)
        {
            var province = $"{NationCode}{p:D2}";
            units.Add(new(province, $"Giả lập {p:D2}", UnitKind.Province, NationCode));
            var communes = CommunesPerProvince + r.Next(-25, 26);
            var districts = (communes + CommunesPerDistrict - 1) / CommunesPerDistrict;
            var made = 0;
            for (var d = 1; d <= districts; d++)
            {
                var district = $"{province}-{d:D2}";
                units.Add(new(district, $"Giả lập {p:D2}.{d:D2}", UnitKind.District, province));
                var here = Math.Min(CommunesPerDistrict, communes - made);
                for (var c = 1; c <= here; c++, made++)
                {
                    var kind = c == 1 ? UnitKind.Town : r.NextDouble() < 0.08 ? UnitKind.Ward : UnitKind.Commune;
                    units.Add(new($"{district}-{c:D2}", $"Giả lập {p:D2}.{d:D2}.{c:D2}", kind, district));
                }
            }
        }
        return units;
    }

    public static ImportPackage UnitPackage(IEnumerable<Unit> units) => new()
    {
        Format = ImportPackage.FormatName,
        Reason = "Dữ liệu giả lập toàn quốc (synthetic national data set)",
        OrgUnits = units.Select(u => new OrgUnitRow
        {
            Code = u.Code,
            Name = u.Name,
            Kind = UnitKinds.Code(u.Kind),
            Parent = u.Parent,
            ValidFrom = "2020-01-01",
        }).ToList(),
    };

    /// <summary>The communes as units the household generator can spread households over.</summary>
    public static List<OrgUnit> Communes(IEnumerable<Unit> units) =>
        units.Where(u => u.Kind is UnitKind.Commune or UnitKind.Ward or UnitKind.Town)
            .Select(u => new OrgUnit { Code = u.Code, Name = u.Name, Kind = u.Kind }).ToList();

    /// <summary>One province's year: the package its officers would upload.</summary>
    public static ImportPackage ProgramPackage(IReadOnlyList<Unit> units, string province, int year, int seed)
    {
        var indicators = SeedIndicators();
        // Quarterly indicators (electricity support) carry the half's figure in its first quarter: the half sums the same.
        var quarterly = indicators.Where(i => i.PeriodType == "quarterly").Select(i => i.Code!).ToHashSet(StringComparer.Ordinal);
        var package = new ImportPackage
        {
            Format = ImportPackage.FormatName,
            Reason = $"Dữ liệu giả lập năm {year} (synthetic)",
            CapitalAllocations = [],
            Disbursements = [],
            Works = [],
            Targets = [],
            DataValues = [],
        };
        // The province's decisions allocating the year's capital, which every allocation cites.
        var decisions = Enumerable.Range(1, 3).Select(n => $"{n * 100 + int.Parse(province[NationCode.Length..], CultureInfo.InvariantCulture)}/QĐ-UBND.{province}").ToList();
        package.Documents = decisions.Select((number, n) => new DocumentRow
        {
            Number = number,
            Kind = "QD",
            Date = $"{year - 1}-12-{10 + n * 5:D2}",
            Issuer = province,
            Subject = $"Giao kế hoạch vốn năm {year} thực hiện Chương trình MTQG giảm nghèo bền vững (đợt {n + 1}, giả lập)",
            ProgramItems = [],
        }).ToList();
        var districts = units.Where(u => u.Parent == province).Select(u => u.Code).ToHashSet();
        foreach (var commune in units.Where(u => u.Parent is not null && districts.Contains(u.Parent)))
        {
            var r = new Random(unchecked(seed * 7_919 + Hash(commune.Code) + year));
            foreach (var half in new[] { "S1", "S2" })
                foreach (var (code, disaggregation, value) in Values(r, indicators))
                    package.DataValues.Add(new DataValueRow { DataElement = code, Period = Period(quarterly.Contains(code), year, half), OrgUnit = commune.Code, Disaggregation = disaggregation, Value = value });
            package.Targets.Add(new TargetRow { DataElement = "DA5.HO_DUOC_HO_TRO", OrgUnit = commune.Code, Year = year, Disaggregation = "total", Value = Text(60 + r.Next(40)) });
            foreach (var (item, source, min, max) in Allocations)
            {
                var amount = (min + r.NextInt64(max - min)) * 1_000_000;
                package.CapitalAllocations.Add(new AllocationRow { OrgUnit = commune.Code, ProgramItem = item, Source = source, Year = year, Amount = amount, Decision = decisions[r.Next(decisions.Count)], Note = "Giả lập" });
                var first = amount * r.Next(20, 50) / 100;
                var second = (amount - first) * r.Next(30, 95) / 100;
                package.Disbursements.Add(new DisbursementRow { OrgUnit = commune.Code, ProgramItem = item, Source = source, Period = $"{year}S1", Amount = first });
                package.Disbursements.Add(new DisbursementRow { OrgUnit = commune.Code, ProgramItem = item, Source = source, Period = $"{year}S2", Amount = second });
            }
            for (var w = 1; w <= 2; w++)
            {
                var k = r.Next(WorkKinds.Length);
                var budget = (long)(800 + r.Next(4_000)) * 1_000_000;
                var completed = r.NextDouble() < 0.5;
                package.Works.Add(new WorkRow
                {
                    Code = $"{commune.Code}-CT{year}-{w}",
                    Name = $"{WorkNames[k]} {UnitKinds.VietnameseName(commune.Kind).ToLowerInvariant()} {commune.Name} ({w})",
                    Kind = WorkKinds[k],
                    OrgUnit = commune.Code,
                    Location = $"{UnitKinds.VietnameseName(commune.Kind).ToLowerInvariant()} {commune.Name}",
                    ProgramItem = "DA1.TDA1",
                    IsNew = w == 1,
                    Status = completed ? "completed" : "under-construction",
                    StartYear = year,
                    EndYear = completed ? year : null,
                    Budget = budget,
                    Disbursed = completed ? budget : budget * r.Next(10, 90) / 100,
                });
            }
        }
        return package;
    }

    /// <summary>One commune's half-year: every summed indicator of the 2021-2025 set except the registry's own.</summary>
    static IEnumerable<(string Code, string Disaggregation, string Value)> Values(Random r, IReadOnlyList<IndicatorRow> indicators)
    {
        var rice = 0;
        var trainees = 0;
        var classes = 0;
        var sessions = 0;
        var da5Built = 0;
        var da5Repaired = 0;
        foreach (var indicator in indicators)
        {
            var code = indicator.Code!;
            var parts = indicator.Disaggregations ?? ["total"];
            // Computed from the registry, or shares (percent) that are typed only for the unit itself.
            if (indicator.Aggregation != "sum" || code.StartsWith("MT.", StringComparison.Ordinal)) continue;
            var money = indicator.ValueType == "number";
            switch (code)
            {
                case "CS.GAO_CUU_DOI_HO":
                    rice = r.Next(5, 60);
                    var tet = rice / 2;
                    yield return (code, "lunar-new-year", Text(tet));
                    yield return (code, "lean-season", Text(rice - tet));
                    yield return (code, "total", Text(rice));
                    continue;
                case "CS.GAO_CUU_DOI_NHAN_KHAU" or "CS.GAO_CUU_DOI_KG":
                    var people = rice * 4;
                    var tetPeople = rice / 2 * 4;
                    var kg = code.EndsWith("KG", StringComparison.Ordinal);
                    var tetValue = kg ? tetPeople * 15 : tetPeople;
                    var leanValue = kg ? (people - tetPeople) * 45 : people - tetPeople;
                    yield return (code, "lunar-new-year", Text(tetValue));
                    yield return (code, "lean-season", Text(leanValue));
                    yield return (code, "total", Text(tetValue + leanValue));
                    continue;
                case "DA1.TDA1.CONG_TRINH_DTPT":
                    var continuing = r.Next(0, 3);
                    var fresh = r.Next(0, 3);
                    var all = continuing + fresh;
                    var transport = r.Next(all + 1);
                    var irrigation = r.Next(all - transport + 1);
                    yield return (code, "continuing", Text(continuing));
                    yield return (code, "new", Text(fresh));
                    yield return (code, "transport", Text(transport));
                    yield return (code, "irrigation", Text(irrigation));
                    yield return (code, "school", Text(all - transport - irrigation));
                    yield return (code, "total", Text(all));
                    continue;
                case "DA5.HO_XAY_MOI" or "DA5.HO_SUA_CHUA":
                    var poor = r.Next(0, 12);
                    var near = r.Next(0, 5);
                    if (code == "DA5.HO_XAY_MOI") da5Built = poor + near; else da5Repaired = poor + near;
                    yield return (code, "poor", Text(poor));
                    yield return (code, "near-poor", Text(near));
                    yield return (code, "total", Text(poor + near));
                    continue;
                case "DA5.HO_DUOC_HO_TRO":
                    continue; // written after the loop: built + repaired
                case "CS.DN_HOC_VIEN_LDNT" or "DA4.TDA1.HOC_VIEN":
                    if (trainees == 0) trainees = r.Next(10, 80);
                    yield return (code, "total", Text(trainees));
                    continue;
                case "CS.DN_LOP_DAO_TAO_LDNT" or "DA4.TDA1.LOP_DAO_TAO":
                    if (classes == 0) classes = r.Next(1, 4);
                    yield return (code, "total", Text(classes));
                    continue;
                case "CS.VL_PHIEN_GDVL" or "DA4.TDA3.PHIEN_GDVL":
                    if (sessions == 0) sessions = r.Next(1, 3);
                    yield return (code, "total", Text(sessions));
                    continue;
            }
            if (parts.Count == 1)
            {
                yield return (code, "total", money ? Money(r) : Text(r.Next(0, 40)));
                continue;
            }
            // Overlapping groups (ethnic minority, women, poor and near-poor) each within the total.
            var total = r.Next(5, 60);
            var remaining = total;
            foreach (var part in parts.Where(p => p != "total"))
            {
                var share = part is "poor" or "near-poor" ? r.Next(remaining + 1) : r.Next(total + 1);
                if (part is "poor" or "near-poor") remaining -= share;
                yield return (code, part, Text(share));
            }
            yield return (code, "total", Text(total));
        }
        if (indicators.Any(i => i.Code == "DA5.HO_DUOC_HO_TRO"))
            yield return ("DA5.HO_DUOC_HO_TRO", "total", Text(da5Built + da5Repaired));
    }

    static IReadOnlyList<IndicatorRow>? indicators;

    static IReadOnlyList<IndicatorRow> SeedIndicators() => indicators ??=
        ImportFileReader.ReadJson(DatabaseInitializer.ReadEmbedded("Gnbv.Data.Seed.indicators-2021-2025.json")).Indicators!;

    static string Period(bool quarterly, int year, string half) => quarterly ? $"{year}Q{(half == "S1" ? 1 : 3)}" : $"{year}{half}";

    static string Money(Random r) => (r.Next(0, 5_000) / 10m).ToString(CultureInfo.InvariantCulture);

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stable hash (string.GetHashCode differs between processes).</summary>
    static int Hash(string text)
    {
        var h = 17;
        foreach (var c in text) h = unchecked(h * 31 + c);
        return h;
    }

    public static byte[] Serialize(ImportPackage package) => JsonSerializer.SerializeToUtf8Bytes(package, ImportFileReader.Json);
}
