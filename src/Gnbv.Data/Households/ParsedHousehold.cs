using System.Globalization;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Households;
using Gnbv.Domain.Units;

namespace Gnbv.Data.Households;

public sealed record ParsedMember(int Line, string Name, int? BirthYear, Sex Sex, string Relation, bool IsHead, string? CitizenId);

/// <summary>One household as read from its consecutive rows, checked and classified.</summary>
public sealed class ParsedHousehold
{
    public int Line { get; init; }
    public required OrgUnit Commune { get; init; }
    public required string Code { get; init; }
    public string Village { get; init; } = "";
    public Area Area { get; init; }
    public string Ethnicity { get; init; } = "";
    public bool EthnicMinority { get; init; }
    public string PolicyGroups { get; init; } = "";
    public string PovertyCauses { get; init; } = "";
    public int? Year { get; init; }
    public PovertyStandard? Standard { get; init; }
    public long? Income { get; init; }
    public int? ScoreA { get; init; }
    public int DeprivedMask { get; init; }
    public Classification? Classification { get; init; }
    public bool ExpectedEscape { get; init; }
    public string? SupportPlan { get; init; }
    public bool Synthetic { get; set; }
    public List<ParsedMember> Members { get; } = [];
    public string HeadName => Members.FirstOrDefault(m => m.IsHead)?.Name ?? Members.FirstOrDefault()?.Name ?? "";
}

/// <summary>
/// Turns the rows of one household into a <see cref="ParsedHousehold"/>: household fields from its
/// first row (a later row may repeat them, not contradict them), members from every row, the census
/// result classified under the standard of its year. Every problem becomes an error naming the line
/// and the column.
/// </summary>
/// <param name="currentYear">The year in Vietnam today (from the injected clock): no census result or birth after it.</param>
public sealed class HouseholdRowParser(IReadOnlyDictionary<string, OrgUnit> units, IReadOnlyList<PovertyStandard> standards, Actor actor, int? defaultYear, int currentYear)
{
    const string Section = "households";
    public const int MaxErrors = 1000;

    public List<ImportError> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public int ErrorCount { get; private set; }

    static readonly string[] HouseholdKeys = [.. HouseholdColumns.Household.Concat(HouseholdColumns.Deprivations).Concat(HouseholdColumns.Outcome).Select(c => c.Key)];
    static readonly HashSet<string> EthnicMajority = new(StringComparer.OrdinalIgnoreCase) { "Kinh", "" };

    void Error(int line, string field, string message, bool forbidden = false)
    {
        ErrorCount++;
        if (Errors.Count < MaxErrors) Errors.Add(new ImportError(Section, 0, line, field, message, forbidden));
    }

    /// <summary>The key that groups rows: commune code + household code.</summary>
    public static string GroupKey(SourceRow row) => $"{row["commune"]}\u0001{row["household_code"]}";

    /// <summary>A list's rows one household at a time: each run of consecutive rows with the same commune and code.</summary>
    public static IEnumerable<List<SourceRow>> Groups(IEnumerable<SourceRow> rows)
    {
        var group = new List<SourceRow>();
        string? key = null;
        foreach (var row in rows)
        {
            var k = GroupKey(row);
            if (k != key && group.Count > 0)
            {
                yield return group;
                group = [];
            }
            key = k;
            group.Add(row);
        }
        if (group.Count > 0) yield return group;
    }

    public ParsedHousehold? Parse(IReadOnlyList<SourceRow> rows)
    {
        var first = rows[0];
        var before = ErrorCount;
        foreach (var row in rows.Skip(1))
            foreach (var key in HouseholdKeys)
                if (row[key] is { } v && first[key] is { } f && !string.Equals(v, f, StringComparison.OrdinalIgnoreCase))
                    Error(row.Line, key, $"'{v}' khác với dòng {first.Line} ('{f}') của cùng hộ (household fields differ between the household's rows)");

        var code = first["household_code"];
        if (code is null) Error(first.Line, "household_code", "thiếu mã hộ (required)");
        else if (code.Length > 40) Error(first.Line, "household_code", "mã hộ dài quá 40 ký tự (too long)");
        OrgUnit? commune = null;
        if (first["commune"] is not { } unitCode) Error(first.Line, "commune", "thiếu mã xã (required)");
        else if (!units.TryGetValue(unitCode, out commune)) Error(first.Line, "commune", $"không có xã mã '{unitCode}' (unknown unit)");
        else if (commune.Kind is not (UnitKind.Commune or UnitKind.Ward or UnitKind.Town))
        {
            Error(first.Line, "commune", $"'{commune.Name}' không phải xã, phường, thị trấn (households belong to a commune)");
            commune = null;
        }
        else if (!actor.CanWrite(commune))
        {
            Error(first.Line, "commune", $"{actor.Name} không được ghi dữ liệu của {commune.Name} (outside your unit)", forbidden: true);
            commune = null;
        }

        var area = Area.Rural;
        if (first["area"] is { } a)
            try { area = HouseholdStatuses.ParseArea(a); }
            catch (DomainException e) { Error(first.Line, "area", e.Message); }
        var ethnicity = first["ethnicity"] ?? "";
        var policy = Codes(first, "policy_groups", PolicyGroups.All);
        var causes = Codes(first, "poverty_causes", PovertyCauses.All);
        if (!EthnicMajority.Contains(ethnicity) && !policy.Contains("ethnic-minority")) policy = [.. policy.Prepend("ethnic-minority")];

        int? year = defaultYear;
        if (first["census_year"] is { } y)
            year = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) && yy is >= 2000 and <= 2100 ? yy
                : Fail<int?>(first.Line, "census_year", $"'{y}' không phải năm (not a year)");
        // A census records what was found: a year not yet begun has no result (the default year too).
        var yearRefused = year > currentYear;
        if (yearRefused)
            year = Fail<int?>(first.Line, "census_year", $"năm rà soát {year} chưa đến, năm nay là {currentYear} (census year in the future)");
        var income = Long(first, "income");
        var scoreA = first["score_a"] is { } sa ? (int?)Long(first, "score_a") : null;
        PovertyStandard? standard = null;
        Classification? classification = null;
        var mask = 0;
        if (year is { } censusYear)
        {
            standard = standards.FirstOrDefault(s => s.Covers(censusYear));
            if (standard is null) Error(first.Line, "census_year", $"không có chuẩn nghèo cho năm {censusYear} (no standard covers this year)");
            else
            {
                var deprived = new List<string>();
                foreach (var ind in standard.Indicators)
                {
                    var cell = first[ind.Code];
                    if (cell is null || cell is "0" || cell.Equals("không", StringComparison.OrdinalIgnoreCase)) continue;
                    if (cell is "x" or "X" or "1" || cell.Equals("có", StringComparison.OrdinalIgnoreCase))
                    {
                        deprived.Add(ind.Code);
                        mask |= ind.Bit;
                    }
                    else Error(first.Line, ind.Code, $"'{cell}' không hợp lệ; ghi x nếu thiếu hụt, để trống nếu không (use x or empty)");
                }
                if (income is null && scoreA is null && first["income"] is null && first["score_a"] is null)
                    Error(first.Line, "income", $"năm rà soát {censusYear}: cần thu nhập bình quân hoặc điểm A (income or score A required)");
                else if (income is not null && scoreA is not null)
                    Error(first.Line, "score_a", "chỉ ghi một trong hai: thu nhập bình quân hoặc điểm A (give one of income, score A)");
                else if (ErrorCount == before)
                    try
                    {
                        classification = PovertyClassifier.Classify(standard, area, income, scoreA, deprived);
                        if (first["status"] is { } given && ParseStatus(given) is { } g && g != classification.Status && Warnings.Count < MaxErrors)
                            Warnings.Add($"dòng {first.Line}, hộ {code}: tệp ghi '{given}', theo chuẩn {standard.Code} là {HouseholdStatuses.VietnameseName(classification.Status)} ({string.Join("; ", classification.Reasons.SkipLast(1))})");
                    }
                    catch (DomainException e) { Error(first.Line, income is null ? "score_a" : "income", e.Message); }
            }
        }
        else if (!yearRefused && (first["income"] is not null || first["score_a"] is not null))
            Error(first.Line, "census_year", "có thu nhập/điểm A nhưng thiếu năm rà soát (census year required)");

        var plan = first["support_plan"];
        if (plan is { Length: > 1000 }) Error(first.Line, "support_plan", "dài quá 1000 ký tự (too long)");
        var result = new ParsedHousehold
        {
            Line = first.Line,
            Commune = commune!,
            Code = code ?? "",
            Village = Text(first, "village", 200),
            Area = area,
            Ethnicity = Text(first, "ethnicity", 60),
            EthnicMinority = policy.Contains("ethnic-minority"),
            PolicyGroups = string.Join(',', policy),
            PovertyCauses = string.Join(',', causes),
            Year = year,
            Standard = standard,
            Income = income,
            ScoreA = scoreA,
            DeprivedMask = mask,
            Classification = classification,
            ExpectedEscape = Flag(first, "expected_escape"),
            SupportPlan = plan,
            Synthetic = Flag(first, "synthetic"),
        };
        foreach (var row in rows) ParseMember(row, result);
        if (result.Members.Count(m => m.IsHead) > 1)
            Error(rows[0].Line, "relation", $"hộ {code} có {result.Members.Count(m => m.IsHead)} chủ hộ (one head per household)");
        return ErrorCount == before ? result : null;
    }

    void ParseMember(SourceRow row, ParsedHousehold h)
    {
        var name = row["name"];
        if (name is null) { Error(row.Line, "name", "thiếu họ và tên thành viên (member name required)"); return; }
        if (name.Length > 200) Error(row.Line, "name", "dài quá 200 ký tự (too long)");
        int? birth = null;
        if (row["birth_year"] is { } b)
            birth = int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var by) && by >= 1890 && by <= currentYear ? by
                : Fail<int?>(row.Line, "birth_year", $"'{b}' không phải năm sinh hợp lệ (not a birth year)");
        var sex = row["sex"]?.ToLowerInvariant() switch
        {
            null => Sex.Unknown,
            "nam" or "m" or "male" => Sex.Male,
            "nữ" or "nu" or "f" or "female" => Sex.Female,
            var other => Fail<Sex>(row.Line, "sex", $"'{other}' không hợp lệ; ghi Nam hoặc Nữ (use Nam or Nữ)"),
        };
        var relation = Text(row, "relation", 60);
        var isHead = HouseholdColumns.Normalize(relation) is "chu_ho" or "head";
        string? id = row["citizen_id"];
        if (id is not null && (id.Length != 12 || !id.All(char.IsAsciiDigit)))
        {
            Error(row.Line, "citizen_id", $"số CCCD '{Mask(id)}' phải có đúng 12 chữ số (12 digits)");
            id = null;
        }
        h.Members.Add(new ParsedMember(row.Line, name, birth, sex, relation, isHead, id));
    }

    /// <summary>Shows a citizen ID as lists do: the last 4 digits only.</summary>
    public static string Mask(string? id) => id is null ? "" : id.Length <= 4 ? new string('*', id.Length) : new string('*', id.Length - 4) + id[^4..];

    public static HouseholdStatus? ParseStatus(string text) => HouseholdColumns.Normalize(text) switch
    {
        "poor" or "ho_ngheo" or "ngheo" => HouseholdStatus.Poor,
        "near_poor" or "ho_can_ngheo" or "can_ngheo" => HouseholdStatus.NearPoor,
        "average" or "ho_co_muc_song_trung_binh" or "muc_song_trung_binh" => HouseholdStatus.Average,
        "not_poor" or "ho_khong_ngheo" or "khong_ngheo" => HouseholdStatus.NotPoor,
        _ => null,
    };

    T Fail<T>(int line, string field, string message)
    {
        Error(line, field, message);
        return default!;
    }

    long? Long(SourceRow row, string key)
    {
        if (row[key] is not { } text) return null;
        // One reader for the lists' numbers: "1.500.000" or "1500000"; "1.500.000,50" and "1,5" are
        // refused (the column takes whole đồng or points), never read with the separators stripped.
        var v = VietnameseNumber.ParseWhole(text, out var error);
        if (v is <= 10_000_000_000) return v;
        Error(row.Line, key, v is null ? error : $"'{text}' quá lớn (too large)");
        return null;
    }

    string Text(SourceRow row, string key, int max)
    {
        var v = row[key] ?? "";
        if (v.Length > max) Error(row.Line, key, $"dài quá {max} ký tự (too long)");
        return v;
    }

    static bool Flag(SourceRow row, string key) => row[key] is { } v && (v is "x" or "X" or "1" || v.Equals("có", StringComparison.OrdinalIgnoreCase));

    List<string> Codes(SourceRow row, string key, IReadOnlyList<NamedCode> known)
    {
        var result = new List<string>();
        foreach (var part in (row[key] ?? "").Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var n = HouseholdColumns.Normalize(part);
            var match = known.FirstOrDefault(k => HouseholdColumns.Normalize(k.Code) == n || HouseholdColumns.Normalize(k.Name) == n);
            if (match is null) Error(row.Line, key, $"'{part}' không có; dùng: {string.Join(", ", known.Select(k => k.Code))} (unknown code)");
            else if (!result.Contains(match.Code)) result.Add(match.Code);
        }
        return result;
    }
}
