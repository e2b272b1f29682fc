using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gnbv.Domain.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Gnbv.Reports.Docx;

/// <summary>
/// Writes a report as an administrative document of Decree 30/2020/NĐ-CP: A4, Times New Roman,
/// margins top/bottom 20 mm, left 30 mm, right 15 mm, the two-column heading, the title, the body,
/// "Nơi nhận" and the signature block side by side.
/// </summary>
public static class DocxRenderer
{
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int TwipsPerMm = 57; // 1 mm = 56.7 twips

    public static byte[] Render(ReportDocument report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            // Above the heading, where nobody can miss it before the report is signed and sent.
            foreach (var warning in report.Warnings) body.Append(Para(warning, JustificationValues.Left, bold: true, italic: true, size: 24, color: "C00000"));
            body.Append(HeadingTable(report.Heading));
            body.Append(Para(report.Title, JustificationValues.Center, bold: true, before: 240, after: 0));
            body.Append(Para(report.Subtitle, JustificationValues.Center, bold: true, after: 240));
            foreach (var block in report.Body) body.Append(Block(main, block));
            body.Append(FooterTable(report.Recipients, report.Signature));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 20 * TwipsPerMm, Bottom = 20 * TwipsPerMm, Left = (uint)(30 * TwipsPerMm), Right = (uint)(15 * TwipsPerMm), Header = 720, Footer = 720 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static OpenXmlElement Block(MainDocumentPart main, ReportBlock block) => block switch
    {
        HeadingBlock h => Para(h.Text, JustificationValues.Both, bold: true, italic: h.Level == 3 && h.Text.StartsWith("- ", StringComparison.Ordinal),
            before: h.Level == 1 ? 180 : 120, indent: h.Level == 1 ? 0 : 567),
        ParagraphBlock p => Para(p.Text, JustificationValues.Both, bold: p.Bold, italic: p.Italic, indent: 567),
        TableBlock t => Table(t.Grid),
        ImageBlock i => Image(main, i),
        _ => new Paragraph(),
    };

    private static Paragraph Para(string text, JustificationValues align, bool bold = false, bool italic = false, int before = 0, int after = 120,
        int indent = 0, int size = BodySize, bool underline = false, string? color = null)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Justification { Val = align });
        if (indent > 0) props.Append(new Indentation { FirstLine = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(props, Run(text, bold, italic, size, underline, color));
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int size = BodySize, bool underline = false, string? color = null)
    {
        // In the order of the schema (CT_RPr): b, i, color, sz, u.
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        if (italic) rp.Append(new Italic());
        if (color is not null) rp.Append(new Color { Val = color });
        rp.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (underline) rp.Append(new Underline { Val = UnderlineValues.Single });
        // Text is always written as text: nothing the officers typed is read as markup or a field.
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table HeadingTable(ReportHeading h)
    {
        var left = new List<Paragraph>();
        if (h.ParentBody.Length > 0) left.Add(Para(h.ParentBody, JustificationValues.Center, size: 26, after: 0));
        left.Add(Para(h.IssuingBody, JustificationValues.Center, bold: true, size: 26, after: 0));
        left.Add(Para("________", JustificationValues.Center, size: 26, after: 60));
        left.Add(Para(h.Number, JustificationValues.Center, size: 26, after: 0));
        var right = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", JustificationValues.Center, bold: true, size: 26, after: 0),
            Para("Độc lập - Tự do - Hạnh phúc", JustificationValues.Center, bold: true, size: 28, after: 60, underline: true),
            Para(h.Date is { } d ? $"{h.Place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : $"{h.Place}, ngày ..... tháng ..... năm .....",
                JustificationValues.Center, italic: true, size: 28, after: 0),
        };
        return TwoColumns(left, right, 4000, 5500);
    }

    private static Table FooterTable(IReadOnlyList<string> recipients, IReadOnlyList<string> signature)
    {
        var left = new List<Paragraph> { Para("Nơi nhận:", JustificationValues.Left, bold: true, italic: true, size: 24, after: 0, before: 240) };
        left.AddRange(recipients.Select(r => Para("- " + r.TrimStart('-', ' '), JustificationValues.Left, size: 22, after: 0)));
        var right = new List<Paragraph>();
        var first = true;
        foreach (var line in signature)
        {
            right.Add(Para(line, JustificationValues.Center, bold: true, size: 28, after: 0, before: first ? 240 : 0));
            first = false;
        }
        // The signer's name sits below the space for the signature and seal.
        if (right.Count > 1) right.Insert(right.Count - 1, Para("", JustificationValues.Center, after: 1200));
        return TwoColumns(left, right, 4500, 5000);
    }

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int leftWidth, int rightWidth)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = (leftWidth + rightWidth).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(new GridColumn { Width = leftWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new GridColumn { Width = rightWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var row = new TableRow();
        row.Append(Cell(left, leftWidth), Cell(right, rightWidth));
        table.Append(row);
        return table;
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        var any = false;
        foreach (var p in paragraphs)
        {
            cell.Append(p);
            any = true;
        }
        if (!any) cell.Append(new Paragraph());
        return cell;
    }

    private static Table Table(ReportGrid grid)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 }, new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        TableRow Row(IReadOnlyList<string> cells, bool bold) => new(cells.Select((c, i) => new TableCell(
            Para(c, grid.Numeric[i] && !bold ? JustificationValues.Right : bold ? JustificationValues.Center : JustificationValues.Left, bold: bold, size: 24, after: 0))));
        var header = Row(grid.Headers, true);
        header.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(header);
        for (var i = 0; i < grid.Rows.Count; i++) table.Append(Row(grid.Rows[i], grid.LastRowIsTotal && i == grid.Rows.Count - 1));
        return table;
    }

    private static Paragraph Image(MainDocumentPart main, ImageBlock image)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(image.Png)) part.FeedData(s);
        var id = main.GetIdOfPart(part);
        // Fit the text width (16.5 cm), keeping the aspect ratio; EMU: 914400 per inch.
        const long maxWidth = 165L * 36000;
        long cx = maxWidth, cy = maxWidth * image.HeightPx / Math.Max(1, image.WidthPx);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (UInt32Value)(uint)Math.Abs(id.GetHashCode() % 100000 + 1), Name = image.Caption, Description = image.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = image.Caption + ".png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(drawing), new Run(new Break()), Run(image.Caption, italic: true, size: 24));
    }
}
