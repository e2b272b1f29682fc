namespace Gnbv.Domain.Reports;

/// <summary>
/// A report, independent of its format: the heading of an administrative document (Decree
/// 30/2020/NĐ-CP), a title, a body of blocks, recipients and a signature. Renderers turn it into
/// DOCX (and through it PDF); the web page shows the same blocks.
/// </summary>
public sealed record ReportDocument(
    ReportHeading Heading,
    string Title,
    string Subtitle,
    IReadOnlyList<ReportBlock> Body,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Signature,
    bool HasData)
{
    /// <summary>What the reader must know about how the report was made (a unit's template that could not be used), shown above the body.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Left column: the issuing body (and its parent); right column: the national motto, place and date.</summary>
public sealed record ReportHeading(string ParentBody, string IssuingBody, string Number, string Place, DateOnly? Date);

public abstract record ReportBlock;

public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

public sealed record ParagraphBlock(string Text, bool Italic = false, bool Bold = false) : ReportBlock;

public sealed record TableBlock(ReportGrid Grid) : ReportBlock;

public sealed record ImageBlock(byte[] Png, int WidthPx, int HeightPx, string Caption) : ReportBlock;

/// <summary>A table as DHIS2's Grid: headers, rows of text already formatted, which columns are numbers, an optional total row.</summary>
public sealed record ReportGrid(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric, bool LastRowIsTotal = false);
