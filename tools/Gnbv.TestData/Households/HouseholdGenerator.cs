using System.Globalization;
using CsvHelper;
using Gnbv.Data.Households;
using Gnbv.Domain.Units;

namespace Gnbv.TestData.Households;

/// <summary>
/// Writes a synthetic household registry in the import layout (one row per member), for the demo and
/// the benchmarks. Deterministic: household i of seed S is the same whatever the count, and its round
/// of year Y+1 follows from its round of year Y (incomes grow, deprivations change a little), so two
/// years imported one after the other give realistic transitions. Every household is marked
/// "Dữ liệu giả lập" and its code starts with "GL-"; names are made up from common Vietnamese parts.
/// </summary>
public static class HouseholdGenerator
{
    static readonly string[] Surnames = ["Lý", "Vàng", "Hoàng", "Sùng", "Giàng", "Lục", "Nông", "Triệu", "Đặng", "Nguyễn", "Hầu", "Ma", "Lò", "Chảo"];
    static readonly string[] MaleMiddle = ["Văn", "Seo", "A", "Mí", "Đức", "Quang"];
    static readonly string[] FemaleMiddle = ["Thị", "Thị", "Mỷ", "Thị"];
    static readonly string[] MaleGiven = ["Pà", "Sính", "Chá", "Dế", "Tủa", "Phủ", "Minh", "Hùng", "Lâm", "Thành", "Chẩn", "Páo", "Vần", "Sơn"];
    static readonly string[] FemaleGiven = ["Mỷ", "Dua", "Súa", "Xía", "Lan", "Hoa", "Mai", "Dợ", "Chứ", "Say", "Hương", "Thu"];
    static readonly (string Name, int Weight)[] Ethnicities = [("Mông", 60), ("Dao", 15), ("Tày", 10), ("Nùng", 8), ("Kinh", 7)];
    static readonly double[] DeprivationOdds = [0.25, 0.15, 0.12, 0.08, 0.30, 0.06, 0.35, 0.20, 0.28, 0.45, 0.10, 0.22];
    static readonly string[] Plans =
    [
        "Vay vốn tín dụng ưu đãi chăn nuôi bò sinh sản",
        "Hỗ trợ giống cây quế, phân bón; tập huấn kỹ thuật",
        "Đào tạo nghề ngắn hạn, giới thiệu việc làm tại doanh nghiệp",
        "Hỗ trợ sửa chữa nhà ở theo Dự án 5",
        "Tham gia mô hình nuôi lợn đen liên kết",
    ];

    public static readonly string[] Header = [.. HouseholdColumns.All.Select(c => c.Header)];

    /// <summary>Writes <paramref name="count"/> households of round <paramref name="year"/> spread over the communes; returns the rows written.</summary>
    public static long Write(TextWriter writer, IReadOnlyList<OrgUnit> communes, int count, int seed, int year, int firstYear)
    {
        if (communes.Count == 0) throw new Domain.DomainException("Không có xã nào để tạo hộ (no communes)");
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in Header) csv.WriteField(h);
        csv.NextRecord();
        long rows = 0;
        var cells = new string[HouseholdColumns.All.Count];
        var index = HouseholdColumns.All.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        for (var i = 0; i < count; i++)
        {
            var commune = communes[i % communes.Count];
            var r = new Random(unchecked(seed * 1_000_003 + i));
            var urban = commune.Kind == UnitKind.Town && r.NextDouble() < 0.6;
            var ethnicity = Pick(r, Ethnicities);
            var size = 1 + (int)Math.Min(7, Math.Floor(-Math.Log(1 - r.NextDouble()) * 3.2));
            var baseIncome = 600_000 + (long)(Math.Exp(r.NextDouble() * 2.2) * 350_000);
            var odds = DeprivationOdds.Select(p => p * (baseIncome < 1_500_000 ? 1.6 : 0.6)).ToArray();
            var baseMask = 0;
            for (var k = 0; k < 12; k++) if (r.NextDouble() < odds[k]) baseMask |= 1 << k;
            var usesScore = r.NextDouble() < 0.5;
            var policy = new List<string>();
            if (r.NextDouble() < 0.03) policy.Add("merit");
            if (r.NextDouble() < 0.08) policy.Add("social-protection");
            if (r.NextDouble() < 0.04) policy.Add("disability");
            var cause = r.NextDouble() < 0.5 ? "no-capital" : r.NextDouble() < 0.5 ? "no-land;no-skills" : "many-dependents";
            var village = $"Xóm {1 + r.Next(12)}";
            var members = new (string Name, int Birth, bool Female, string Relation)[size];
            var headFemale = r.NextDouble() < 0.15;
            var surname = Surnames[r.Next(Surnames.Length)];
            var headBirth = 1950 + r.Next(50);
            members[0] = (NameOf(r, surname, headFemale), headBirth, headFemale, "Chủ hộ");
            for (var m = 1; m < size; m++)
            {
                if (m == 1 && r.NextDouble() < 0.8)
                {
                    members[m] = (NameOf(r, Surnames[r.Next(Surnames.Length)], !headFemale), headBirth + r.Next(-4, 6), !headFemale, headFemale ? "Chồng" : "Vợ");
                    continue;
                }
                var female = r.NextDouble() < 0.5;
                var child = Math.Min(firstYear - 1, headBirth + 18 + r.Next(25));
                members[m] = (NameOf(r, surname, female), child, female, r.NextDouble() < 0.9 ? "Con" : "Cháu");
            }
            if (headFemale) policy.Add("female-headed");

            // This round: incomes grow from the first round, deprivations change a little.
            var y = new Random(unchecked(seed * 1_000_003 + i * 31 + year * 7919));
            var income = (long)(baseIncome * Math.Pow(1.12, year - firstYear) * (0.9 + 0.2 * y.NextDouble()));
            var mask = baseMask;
            for (var t = firstYear; t < year; t++)
            {
                var ty = new Random(unchecked(seed * 1_000_003 + i * 31 + t * 7919 + 17));
                for (var k = 0; k < 12; k++) if ((mask & (1 << k)) != 0 && ty.NextDouble() < 0.3) mask &= ~(1 << k);
            }

            Array.Fill(cells, "");
            cells[index["household_code"]] = $"GL-{commune.Code}-{i + 1:D7}";
            cells[index["commune"]] = commune.Code;
            cells[index["village"]] = village;
            cells[index["area"]] = urban ? "Thành thị" : "Nông thôn";
            cells[index["ethnicity"]] = ethnicity;
            cells[index["policy_groups"]] = string.Join(';', policy);
            cells[index["poverty_causes"]] = baseIncome < 1_800_000 ? cause : "";
            cells[index["census_year"]] = year.ToString(CultureInfo.InvariantCulture);
            var line = urban ? 2_000_000 : 1_500_000;
            var scoreLine = urban ? 175 : 140;
            if (usesScore) cells[index["score_a"]] = ((int)Math.Round((double)income / line * scoreLine)).ToString(CultureInfo.InvariantCulture);
            else cells[index["income"]] = income.ToString(CultureInfo.InvariantCulture);
            foreach (var (col, k) in HouseholdColumns.Deprivations.Select((c, k) => (c, k)))
                cells[index[col.Key]] = (mask & (1 << k)) != 0 ? "x" : "";
            var poorLike = income <= line && BitCount(mask) >= 3;
            if (poorLike && y.NextDouble() < 0.35)
            {
                cells[index["expected_escape"]] = "x";
                cells[index["support_plan"]] = Plans[y.Next(Plans.Length)];
            }
            cells[index["synthetic"]] = "x";
            for (var m = 0; m < size; m++)
            {
                var (name, birth, female, relation) = members[m];
                cells[index["name"]] = name;
                cells[index["birth_year"]] = birth.ToString(CultureInfo.InvariantCulture);
                cells[index["sex"]] = female ? "Nữ" : "Nam";
                cells[index["relation"]] = relation;
                cells[index["citizen_id"]] = year - birth >= 14 ? $"0049{(long)i * 10 + m:D8}" : "";
                foreach (var c in cells) csv.WriteField(c);
                csv.NextRecord();
                rows++;
            }
        }
        csv.Flush();
        return rows;
    }

    static int BitCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);

    static string NameOf(Random r, string surname, bool female) =>
        $"{surname} {(female ? FemaleMiddle[r.Next(FemaleMiddle.Length)] : MaleMiddle[r.Next(MaleMiddle.Length)])} {(female ? FemaleGiven[r.Next(FemaleGiven.Length)] : MaleGiven[r.Next(MaleGiven.Length)])}";

    static string Pick(Random r, (string Name, int Weight)[] items)
    {
        var n = r.Next(items.Sum(i => i.Weight));
        foreach (var (name, weight) in items)
        {
            if (n < weight) return name;
            n -= weight;
        }
        return items[^1].Name;
    }
}
