using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gnbv.Reports.Xlsx;

/// <summary>
/// Gives each distinct <see cref="CellStyle"/> an index into the cell formats of the style sheet and
/// builds the style sheet (fonts, fills, borders, number formats) those indexes point into.
/// </summary>
internal sealed class StylesheetBuilder(string fontName, double fontSize)
{
    // Formats Excel knows by number; any other code gets an id from 164 on, as Excel numbers them.
    private static readonly Dictionary<string, uint> BuiltInFormats = new(StringComparer.Ordinal)
    {
        ["General"] = 0,
        ["0"] = 1,
        ["0.00"] = 2,
        ["#,##0"] = 3,
        ["#,##0.00"] = 4,
        ["@"] = 49,
    };

    private readonly List<CellStyle> styles = [CellStyle.Plain];
    private readonly Dictionary<CellStyle, uint> indexes = new() { [CellStyle.Plain] = 0 };

    public uint IndexOf(CellStyle style)
    {
        if (indexes.TryGetValue(style, out var index)) return index;
        index = (uint)styles.Count;
        styles.Add(style);
        indexes[style] = index;
        return index;
    }

    public Stylesheet Build()
    {
        var fonts = styles.Select(s => (s.Bold, s.Italic)).Prepend((Bold: false, Italic: false)).Distinct().ToList();
        var fills = styles.Select(s => s.Fill).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var formats = styles.Select(s => s.NumberFormat).OfType<string>().Where(f => !BuiltInFormats.ContainsKey(f)).Distinct(StringComparer.Ordinal).ToList();
        uint FormatId(string? code) => code is null ? 0 : BuiltInFormats.TryGetValue(code, out var id) ? id : 164 + (uint)formats.IndexOf(code);
        // Fills 0 and 1 are reserved by Excel (none, gray125).
        uint FillId(string? rgb) => rgb is null ? 0 : 2 + (uint)fills.FindIndex(f => f.Equals(rgb, StringComparison.OrdinalIgnoreCase));

        var sheet = new Stylesheet();
        if (formats.Count > 0)
            sheet.Append(new NumberingFormats(formats.Select((code, i) => new NumberingFormat { NumberFormatId = 164 + (uint)i, FormatCode = code })) { Count = (uint)formats.Count });
        sheet.Append(new Fonts(fonts.Select(f => Font(f.Bold, f.Italic))) { Count = (uint)fonts.Count });
        sheet.Append(new Fills(new[] { Fill(PatternValues.None), Fill(PatternValues.Gray125) }.Concat(fills.Select(SolidFill))) { Count = 2 + (uint)fills.Count });
        sheet.Append(new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), ThinBorder()) { Count = 2 });
        sheet.Append(new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });
        sheet.Append(new CellFormats(styles.Select(s => CellFormat(s, FormatId(s.NumberFormat), (uint)fonts.IndexOf((s.Bold, s.Italic)), FillId(s.Fill)))) { Count = (uint)styles.Count });
        sheet.Append(new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        return sheet;
    }

    private static CellFormat CellFormat(CellStyle s, uint formatId, uint fontId, uint fillId)
    {
        var format = new CellFormat { NumberFormatId = formatId, FontId = fontId, FillId = fillId, BorderId = s.Border ? 1u : 0u, FormatId = 0 };
        if (formatId != 0) format.ApplyNumberFormat = true;
        if (fontId != 0) format.ApplyFont = true;
        if (fillId != 0) format.ApplyFill = true;
        if (s.Border) format.ApplyBorder = true;
        if (s.QuotePrefix) format.QuotePrefix = true;
        if (s.Horizontal != HorizontalAlign.General || s.AlignTop || s.Wrap)
        {
            format.ApplyAlignment = true;
            var alignment = new Alignment();
            if (s.Horizontal == HorizontalAlign.Left) alignment.Horizontal = HorizontalAlignmentValues.Left;
            if (s.Horizontal == HorizontalAlign.Center) alignment.Horizontal = HorizontalAlignmentValues.Center;
            if (s.AlignTop) alignment.Vertical = VerticalAlignmentValues.Top;
            if (s.Wrap) alignment.WrapText = true;
            format.Append(alignment);
        }
        return format;
    }

    private Font Font(bool bold, bool italic)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = fontSize }, new Color { Rgb = "FF000000" }, new FontName { Val = fontName });
        return font;
    }

    private static Fill Fill(PatternValues pattern) => new(new PatternFill { PatternType = pattern });

    private static Fill SolidFill(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb.ToUpperInvariant() }) { PatternType = PatternValues.Solid });

    private static Border ThinBorder()
    {
        static T Side<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF000000" } };
        return new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder());
    }
}
