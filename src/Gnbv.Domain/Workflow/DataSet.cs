namespace Gnbv.Domain.Workflow;

/// <summary>
/// A set of data a unit submits for a period and the level above approves: the indicator values,
/// the capital (allocations and disbursements), the works register or the report's text. The four
/// codes are fixed (each locks its own records); names and due dates are data.
/// </summary>
public class DataSet
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Due date = last day of the period + this many days (negative: before the period ends).</summary>
    public int DueDays { get; set; }

    public int Sort { get; set; }

    /// <summary>
    /// The one kind of period the set's summed records are reported for: disbursements of the
    /// capital set (a half-year's figure sums them; another kind would be counted twice). Null for
    /// the others: values take their indicator's kind, works and report text are not summed.
    /// </summary>
    public Periods.PeriodType? PeriodType { get; set; }

    public DateOnly DueDate(Periods.Period period) => period.End.AddDays(DueDays);
}

public static class DataSets
{
    public const string Values = "values";
    public const string Capital = "capital";
    public const string Works = "works";
    public const string Narrative = "narrative";

    public static readonly IReadOnlyList<string> Codes = [Values, Capital, Works, Narrative];

    /// <summary>What approving each data set locks, in the words of the pages and errors.</summary>
    public static string Locks(string code) => code switch
    {
        Values => "số liệu chỉ tiêu của kỳ",
        Capital => "vốn bố trí của năm và giải ngân của kỳ",
        Works => "danh mục công trình (đến hết kỳ)",
        Narrative => "nội dung báo cáo của kỳ",
        _ => code,
    };
}
