namespace Gnbv.Reports.Xlsx;

public enum HorizontalAlign { General, Left, Center }

/// <summary>
/// How a cell looks, as a value: equal styles share one entry of the workbook's style sheet.
/// The font face and size are the workbook's (<see cref="WorkbookWriter"/>).
/// </summary>
public sealed record CellStyle
{
    public static readonly CellStyle Plain = new();

    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public HorizontalAlign Horizontal { get; init; }
    public bool AlignTop { get; init; }
    public bool Wrap { get; init; }

    /// <summary>Background colour as RGB hex ("E8EEF5"), or none.</summary>
    public string? Fill { get; init; }

    /// <summary>A thin black border on all four sides.</summary>
    public bool Border { get; init; }

    /// <summary>An Excel number format code ("#,##0.###", "@"), or General.</summary>
    public string? NumberFormat { get; init; }

    /// <summary>
    /// Excel's quote prefix: the cell shows its text as typed and keeps it text when edited, so
    /// text starting with "=" is never taken for a formula.
    /// </summary>
    public bool QuotePrefix { get; init; }
}
