using System.Globalization;
using System.Text.RegularExpressions;

namespace Gnbv.Domain.Periods;

/// <summary>
/// A reporting period named by its DHIS2 identifier (2023, 2023S1, 2023Q2, 202305) or a program
/// phase (2021-2025). Start and end are inclusive calendar days.
/// </summary>
public sealed partial record Period(string Id, PeriodType Type, DateOnly Start, DateOnly End) : IComparable<Period>
{
    private const int MinYear = 1900;
    private const int MaxYear = 2200;

    public static Period Parse(string? id) =>
        TryParse(id, out var period, out var error) ? period : throw new DomainException(error);

    public static bool TryParse(string? id, out Period period, out string error)
    {
        period = null!;
        var text = id?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "Kỳ báo cáo trống (empty period)";
            return false;
        }

        var m = PeriodPattern().Match(text);
        if (!m.Success)
        {
            error = $"Kỳ báo cáo '{text}' không hợp lệ: dùng 2023, 2023S1, 2023Q2, 202305 hoặc 2021-2025 (invalid period)";
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
        {
            error = $"Kỳ báo cáo '{text}': năm {year} ngoài khoảng {MinYear}-{MaxYear} (year out of range)";
            return false;
        }

        error = "";
        if (m.Groups["end"].Success)
        {
            var endYear = int.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture);
            if (endYear <= year || endYear > MaxYear)
            {
                error = $"Giai đoạn '{text}': năm kết thúc phải sau năm bắt đầu (phase end must follow its start)";
                return false;
            }
            period = new Period(text, PeriodType.Phase, new DateOnly(year, 1, 1), new DateOnly(endYear, 12, 31));
            return true;
        }
        if (m.Groups["s"].Success)
        {
            var half = m.Groups["s"].Value[0] - '0';
            if (half is < 1 or > 2)
            {
                error = $"Kỳ báo cáo '{text}': chỉ có S1 hoặc S2 (six-month period must be S1 or S2)";
                return false;
            }
            var startMonth = half == 1 ? 1 : 7;
            period = Months(text, PeriodType.SixMonthly, year, startMonth, 6);
            return true;
        }
        if (m.Groups["q"].Success)
        {
            var quarter = m.Groups["q"].Value[0] - '0';
            if (quarter is < 1 or > 4)
            {
                error = $"Kỳ báo cáo '{text}': quý phải từ Q1 đến Q4 (quarter must be Q1-Q4)";
                return false;
            }
            period = Months(text, PeriodType.Quarterly, year, (quarter - 1) * 3 + 1, 3);
            return true;
        }
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                error = $"Kỳ báo cáo '{text}': tháng {month} không tồn tại (month must be 01-12)";
                return false;
            }
            period = Months(text, PeriodType.Monthly, year, month, 1);
            return true;
        }
        period = new Period(text, PeriodType.Yearly, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return true;
    }

    public static Period Year(int year) => Parse(year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The period of the same type that follows (or, with -1, precedes) this one; null for a phase.</summary>
    public Period? Shift(int steps)
    {
        var months = Type switch
        {
            PeriodType.Monthly => 1,
            PeriodType.Quarterly => 3,
            PeriodType.SixMonthly => 6,
            PeriodType.Yearly => 12,
            _ => 0,
        };
        if (months == 0) return null;
        var start = Start.AddMonths(months * steps);
        return Type switch
        {
            PeriodType.Monthly => Parse(start.ToString("yyyyMM", CultureInfo.InvariantCulture)),
            PeriodType.Quarterly => Parse($"{start.Year}Q{(start.Month - 1) / 3 + 1}"),
            PeriodType.SixMonthly => Parse($"{start.Year}S{(start.Month - 1) / 6 + 1}"),
            _ => Year(start.Year),
        };
    }

    public Period? Next() => Shift(1);

    public Period? Previous() => Shift(-1);

    /// <summary>True when every day of <paramref name="other"/> lies within this period.</summary>
    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    public int CompareTo(Period? other)
    {
        if (other is null) return 1;
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : other.End.CompareTo(End);
    }

    public override string ToString() => Id;

    private static Period Months(string id, PeriodType type, int year, int startMonth, int months)
    {
        var start = new DateOnly(year, startMonth, 1);
        return new Period(id, type, start, start.AddMonths(months).AddDays(-1));
    }

    // [0-9], not \d: \d matches every Unicode digit (Arabic-Indic, full-width), which int.Parse then refuses.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:S(?<s>[0-9])|Q(?<q>[0-9])|(?<m>[0-9]{2})|-(?<end>[0-9]{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
