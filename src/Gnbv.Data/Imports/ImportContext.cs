using System.Globalization;
using Gnbv.Data.Database;
using Gnbv.Data.Users;
using Gnbv.Domain;
using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Documents;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>
/// State shared by the sections of one import: code lookups loaded once, and the list of errors.
/// Lookups see rows created earlier in the same import, so a file may define a unit and then use it.
/// </summary>
public sealed class ImportContext(AppDbContext db, ImportResult result, Actor actor, TimeProvider clock)
{
    /// <summary>Past this many units (or indicators) looked up one by one, the whole table is loaded once.</summary>
    private const int SingleLookups = 32;

    private readonly List<ImportError> _errors = [];
    private Dictionary<string, OrgUnit>? _units;
    private Dictionary<string, ProgramItem>? _items;
    private Dictionary<string, FundingSource>? _sources;
    private Dictionary<string, Disaggregation>? _disaggregations;
    private Dictionary<string, Indicator>? _indicators;
    private Dictionary<string, PeriodRow>? _periods;
    private List<DirectiveDocument>? _documents;
    private readonly Dictionary<string, OrgUnit?> _unitByCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Indicator?> _indicatorByCode = new(StringComparer.OrdinalIgnoreCase);

    public AppDbContext Db { get; } = db;

    /// <summary>The stored values the data-value rows were compared with: a lost write race is reported against them.</summary>
    public List<Values.ValueRead> ValueReads { get; } = [];
    public Actor Actor { get; } = actor;
    public ImportResult Result { get; } = result;
    public IReadOnlyList<ImportError> Errors => _errors;
    public string Section { get; set; } = "";
    public int Index { get; set; }
    public int? Line { get; set; }

    public void At(string section, int index, ImportRow row)
    {
        Section = section;
        Index = index;
        Line = row.Line;
    }

    public void Error(string field, string message) => _errors.Add(new ImportError(Section, Index, Line, field, message));

    /// <summary>Whether the current row (section and index) already has an error.</summary>
    public bool HasRowErrors => _errors.Any(e => e.Section == Section && e.Index == Index);

    public void Forbidden(string field, string message) => _errors.Add(new ImportError(Section, Index, Line, field, message, Forbidden: true));

    /// <summary>Metadata (units, catalogue, indicators...) is the administrator's; one error per section.</summary>
    public bool RequireMetadataRight(string section)
    {
        if (Actor.CanWriteMetadata) return true;
        Section = section;
        Index = 0;
        Line = null;
        Forbidden(section, $"chỉ quản trị viên được sửa danh mục '{section}' (only an administrator may change it)");
        return false;
    }

    public string? Required(string field, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Error(field, "bắt buộc, đang trống (required)");
            return null;
        }
        return text;
    }

    public async Task<Dictionary<string, OrgUnit>> UnitsAsync(CancellationToken ct) =>
        _units ??= await Db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);

    public async Task<Dictionary<string, ProgramItem>> ItemsAsync(CancellationToken ct) =>
        _items ??= await Db.ProgramItems.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);

    public async Task<Dictionary<string, FundingSource>> SourcesAsync(CancellationToken ct) =>
        _sources ??= await Db.FundingSources.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);

    public async Task<Dictionary<string, Disaggregation>> DisaggregationsAsync(CancellationToken ct) =>
        _disaggregations ??= await Db.Disaggregations.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);

    public async Task<Dictionary<string, Indicator>> IndicatorsAsync(CancellationToken ct) =>
        _indicators ??= await Db.Indicators.Include(i => i.Disaggregations)
            .ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>
    /// A unit by code: from the whole-tree dictionary once a section has loaded it, else one row by
    /// its code (tracked, so the same instance a later full load returns). A save from a form names
    /// one unit while a national tree has thousands; a bulk import that names many units loads the
    /// tree once instead. A code not found as typed falls back to the full, case-insensitive dictionary.
    /// </summary>
    private async Task<OrgUnit?> FindUnitAsync(string code, CancellationToken ct)
    {
        if (_units is not null || _unitByCode.Count >= SingleLookups) return (await UnitsAsync(ct)).GetValueOrDefault(code);
        if (_unitByCode.TryGetValue(code, out var known)) return known;
        var unit = await Db.OrgUnits.FirstOrDefaultAsync(u => u.Code == code, ct)
            ?? (await UnitsAsync(ct)).GetValueOrDefault(code);
        _unitByCode[code] = unit;
        return unit;
    }

    /// <summary>An indicator by code, with its disaggregations; as <see cref="FindUnitAsync"/>.</summary>
    private async Task<Indicator?> FindIndicatorAsync(string code, CancellationToken ct)
    {
        if (_indicators is not null || _indicatorByCode.Count >= SingleLookups) return (await IndicatorsAsync(ct)).GetValueOrDefault(code);
        if (_indicatorByCode.TryGetValue(code, out var known)) return known;
        var indicator = await Db.Indicators.Include(i => i.Disaggregations).FirstOrDefaultAsync(i => i.Code == code, ct)
            ?? (await IndicatorsAsync(ct)).GetValueOrDefault(code);
        _indicatorByCode[code] = indicator;
        return indicator;
    }

    public async Task<List<DirectiveDocument>> DocumentsAsync(CancellationToken ct) =>
        _documents ??= await Db.Documents.Include(d => d.ProgramItems).ToListAsync(ct);

    public async Task<OrgUnit?> UnitAsync(string field, string? code, CancellationToken ct)
    {
        if (Required(field, code) is not { } c) return null;
        if (await FindUnitAsync(c, ct) is not { } unit)
        {
            Error(field, $"không có đơn vị hành chính mã '{c}' (unknown org unit code)");
            return null;
        }
        if (!Actor.CanWrite(unit))
        {
            Forbidden(field, $"{Actor.Name} không có quyền ghi cho đơn vị '{c}' (forbidden unit)");
            return null;
        }
        return unit;
    }

    public async Task<ProgramItem?> ItemAsync(string field, string? code, CancellationToken ct)
    {
        if (Required(field, code) is not { } c) return null;
        if ((await ItemsAsync(ct)).TryGetValue(c, out var item)) return item;
        Error(field, $"không có dự án/tiểu dự án mã '{c}' trong danh mục (unknown program item)");
        return null;
    }

    public async Task<FundingSource?> SourceAsync(string field, string? code, CancellationToken ct)
    {
        if (Required(field, code) is not { } c) return null;
        if ((await SourcesAsync(ct)).TryGetValue(c, out var source)) return source;
        var known = string.Join(", ", (await SourcesAsync(ct)).Keys.Order(StringComparer.Ordinal));
        Error(field, $"không có nguồn vốn mã '{c}' (unknown funding source; known: {known})");
        return null;
    }

    public async Task<Indicator?> IndicatorAsync(string field, string? code, CancellationToken ct)
    {
        if (Required(field, code) is not { } c) return null;
        if (await FindIndicatorAsync(c, ct) is { } indicator) return indicator;
        Error(field, $"không có chỉ tiêu mã '{c}' (unknown data element)");
        return null;
    }

    /// <summary>The disaggregation of a value; empty means total. It must be one the indicator declares.</summary>
    public async Task<Disaggregation?> DisaggregationAsync(string field, string? code, Indicator? indicator, CancellationToken ct)
    {
        var c = string.IsNullOrWhiteSpace(code) ? Disaggregation.TotalCode : code.Trim();
        if (!(await DisaggregationsAsync(ct)).TryGetValue(c, out var d))
        {
            Error(field, $"không có phân tổ mã '{c}' (unknown disaggregation)");
            return null;
        }
        if (indicator is not null && indicator.Disaggregations.Count > 0 && indicator.Disaggregations.All(x => x.DisaggregationId != d.Id))
        {
            Error(field, $"chỉ tiêu '{indicator.Code}' không có phân tổ '{c}' (disaggregation not allowed for this data element)");
            return null;
        }
        return d;
    }

    public async Task<PeriodRow?> PeriodAsync(string field, string? id, CancellationToken ct)
    {
        if (Required(field, id) is not { } text) return null;
        if (!Period.TryParse(text, out var period, out var error))
        {
            Error(field, error);
            return null;
        }
        _periods ??= await Db.Periods.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        if (_periods.TryGetValue(period.Id, out var row)) return row;
        row = PeriodRow.From(period);
        Db.Periods.Add(row);
        _periods[period.Id] = row;
        return row;
    }

    public async Task<DirectiveDocument?> DocumentAsync(string field, string? number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var n = number.Trim();
        var matches = (await DocumentsAsync(ct)).Where(d => string.Equals(d.Number, n, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count == 0)
            Error(field, $"không có văn bản số '{n}' (unknown document; import it in the documents section first)");
        else
            Error(field, $"có {matches.Count} văn bản số '{n}': " +
                string.Join(", ", matches.Select(m => m.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))) + " (ambiguous document)");
        return null;
    }

    public DateOnly? Date(string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Error(field, "bắt buộc, đang trống (required)");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(field, $"ngày '{text}' không hợp lệ: dùng yyyy-MM-dd (invalid date)");
        return null;
    }

    /// <summary>Today's date in Vietnam (UTC+7), the day officials sign and pay on.</summary>
    public DateOnly Today => clock.VietnamToday();

    /// <summary>The instant the rows of this import are stamped with.</summary>
    public DateTime Instant => clock.UtcNow();

    /// <summary>Writes the values of the import (set-based on PostgreSQL) after the same lock check as SaveChanges.</summary>
    public Values.ValueWriter Writer { get; } = new(db, clock);

    /// <summary>A date that has already happened: a document signed or money paid cannot be dated tomorrow.</summary>
    public DateOnly? PastDate(string field, string? text, bool required)
    {
        var date = Date(field, text, required);
        if (date is { } d && d > Today)
        {
            Error(field, $"ngày {d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} sau hôm nay {Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (date in the future)");
            return null;
        }
        return date;
    }

    public int? Year(string field, int? year, bool required)
    {
        if (year is null)
        {
            if (required) Error(field, "bắt buộc, đang trống (required)");
            return null;
        }
        if (year is < 1900 or > 2200)
        {
            Error(field, $"năm {year} ngoài khoảng 1900-2200 (year out of range)");
            return null;
        }
        return year;
    }

    public long? Money(string field, long? amount, bool required)
    {
        if (amount is null)
        {
            if (required) Error(field, "bắt buộc, đang trống (required)");
            return null;
        }
        if (amount < 0)
        {
            Error(field, $"số tiền âm {amount} (negative money)");
            return null;
        }
        return amount;
    }

    /// <summary>A value in invariant notation ("168.8"); checked against the indicator's value type.</summary>
    public decimal? Value(string field, string? text, Indicator? indicator)
    {
        if (Required(field, text) is not { } t) return null;
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(field, $"'{t}' không phải là số; dùng dấu chấm thập phân, không dùng dấu phân cách hàng nghìn, ví dụ 1346.5 (not a number)");
            return null;
        }
        if (indicator?.ValueType == IndicatorValueType.Integer && (value != decimal.Truncate(value) || value < 0))
        {
            Error(field, $"'{t}': chỉ tiêu '{indicator.Code}' nhận số nguyên không âm (the data element takes a non-negative whole number)");
            return null;
        }
        // data_values.value is numeric(24,6): more would be rounded or overflow on PostgreSQL and be kept
        // whole on SQLite, so the two databases would disagree. Refused rather than rounded silently.
        if (decimal.Truncate(Math.Abs(value)) >= MaxWhole)
        {
            Error(field, $"'{t}': quá 18 chữ số phần nguyên (more than 18 integer digits; the database keeps numeric(24,6))");
            return null;
        }
        if (decimal.Round(value, 6) != value)
        {
            Error(field, $"'{t}': quá 6 chữ số thập phân (more than 6 decimals; the database keeps numeric(24,6))");
            return null;
        }
        if (indicator?.ValueType == IndicatorValueType.Percent && PercentRange(indicator) is var (min, max) && (value < min || value > max))
        {
            Error(field, $"'{t}': tỷ lệ của chỉ tiêu '{indicator.Code}' ({indicator.UnitOfMeasure}) phải từ {min} đến {max} (percent out of range)");
            return null;
        }
        return value;
    }

    private const decimal MaxWhole = 1_000_000_000_000_000_000m;

    /// <summary>
    /// A percent is a share of a whole, 0 to 100, unless its unit of measure says otherwise:
    /// "điểm %" is a change in percentage points (a poverty rate may rise: -100 to 100), and
    /// "% chỉ tiêu" / "% kế hoạch" compares with a target that may be exceeded (0 to 1000).
    /// </summary>
    public static (decimal Min, decimal Max) PercentRange(Indicator indicator) => indicator.UnitOfMeasure.Trim().ToLowerInvariant() switch
    {
        "điểm %" or "điểm phần trăm" => (-100m, 100m),
        "% chỉ tiêu" or "% kế hoạch" => (0m, 1000m),
        _ => (0m, 100m),
    };

    /// <summary>Reports a row whose key repeats an earlier row of the same import.</summary>
    public bool Duplicate<TKey>(Dictionary<TKey, int> seen, TKey key, string field) where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            Error(field, $"trùng với {Section}[{first}] (duplicate of an earlier row)");
            return true;
        }
        seen[key] = Index;
        return false;
    }

    public static T ParseEnum<T>(string? text, T fallback) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : System.Enum.TryParse<T>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v
        : throw new DomainException($"'{text}'");

    public T? Enum<T>(string field, string? text, T fallback) where T : struct, System.Enum
    {
        try
        {
            return ParseEnum(text, fallback);
        }
        catch (DomainException)
        {
            var names = string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
            Error(field, $"'{text}' không hợp lệ; dùng một trong: {names} (invalid value)");
            return null;
        }
    }

    /// <summary>monthly, quarterly, six-monthly (or SixMonthly) or yearly; empty keeps <paramref name="fallback"/>.</summary>
    public PeriodType? PeriodTypeOf(string field, string? text, PeriodType fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        foreach (var t in PeriodTypes.OfIndicators)
            if (string.Equals(PeriodTypes.Code(t), text.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(t.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
                return t;
        Error(field, $"'{text}' không hợp lệ; dùng một trong: {string.Join(", ", PeriodTypes.OfIndicators.Select(PeriodTypes.Code))} (invalid period type)");
        return null;
    }
}
