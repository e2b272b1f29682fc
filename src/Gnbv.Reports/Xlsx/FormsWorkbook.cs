using ClosedXML.Excel;
using Gnbv.Data.Values;
using Gnbv.Domain;

namespace Gnbv.Reports.Xlsx;

/// <summary>
/// The forms annexed to the report, one sheet per form: title, unit, period, units of measure,
/// numbers as numbers with Vietnamese display formats, totals, A4 landscape, frozen headers.
/// </summary>
public static class FormsWorkbook
{
    private const string NumberFormat = "#,##0.###";

    private static readonly Dictionary<string, string> Headers = new()
    {
        ["stt"] = "TT",
        ["name"] = "Chỉ tiêu",
        ["unitOfMeasure"] = "Đơn vị tính",
        ["target"] = "Kế hoạch năm",
        ["result"] = "Kết quả",
        ["percentOfTarget"] = "% so với kế hoạch",
        ["breakdown"] = "Trong đó",
        ["item"] = "Mã",
        ["source"] = "Nguồn vốn",
        ["allocatedInYear"] = "Vốn giao trong năm",
        ["carriedOver"] = "Vốn chuyển nguồn",
        ["total"] = "Tổng vốn",
        ["disbursed"] = "Đã giải ngân",
        ["disbursedPercent"] = "% giải ngân",
        ["location"] = "Địa điểm",
        ["isNew"] = "Khởi công mới / chuyển tiếp",
        ["status"] = "Tình trạng",
        ["budget"] = "Tổng mức đầu tư (triệu đồng)",
    };

    public static byte[] Render(ValueExport export, string unitLabel, string periodLabel, FormSet? forms = null)
    {
        using var workbook = new XLWorkbook();
        foreach (var form in (forms ?? FormSet.Default()).Forms)
        {
            var sheet = workbook.Worksheets.Add(SheetName(form.Code));
            sheet.Style.Font.FontName = "Times New Roman";
            sheet.Style.Font.FontSize = 12;
            var width = form.Columns.Count;
            Title(sheet, 1, width, form.Code, bold: true, left: true);
            Title(sheet, 2, width, form.Title, bold: true);
            Title(sheet, 3, width, $"Đơn vị: {unitLabel} — Kỳ báo cáo: {periodLabel}" + (form.Unit is null ? "" : $" — Đơn vị tính: {form.Unit}"), italic: true);
            const int headerRow = 5;
            for (var c = 0; c < width; c++)
            {
                var cell = sheet.Cell(headerRow, c + 1);
                cell.Value = Headers.GetValueOrDefault(form.Columns[c], form.Columns[c]);
                cell.Style.Font.Bold = true;
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                cell.Style.Alignment.WrapText = true;
                cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF5");
            }
            var rows = form.Kind switch
            {
                "indicators" => IndicatorRows(export, form),
                "capital" => CapitalRows(export),
                "works" => WorkRows(export),
                _ => throw new DomainException($"Biểu '{form.Code}': loại '{form.Kind}' không có (unknown form kind)"),
            };
            var r = headerRow + 1;
            if (rows.Count == 0)
            {
                sheet.Cell(r, 1).Value = "Chưa có số liệu trong kỳ.";
                sheet.Range(r, 1, r, width).Merge().Style.Font.Italic = true;
                r++;
            }
            foreach (var row in rows)
            {
                for (var c = 0; c < width; c++)
                {
                    var cell = sheet.Cell(r, c + 1);
                    var value = form.Columns[c] == "stt" ? (row.IsTotal ? "" : (object)(r - headerRow)) : row.Get(form.Columns[c]);
                    switch (value)
                    {
                        case decimal d:
                            cell.Value = d;
                            cell.Style.NumberFormat.Format = NumberFormat;
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case null:
                            break;
                        default:
                            cell.Value = Neutralise(value.ToString()!);
                            cell.Style.Alignment.WrapText = true;
                            break;
                    }
                    if (row.IsTotal) cell.Style.Font.Bold = true;
                }
                r++;
            }
            var table = sheet.Range(headerRow, 1, r - 1, width);
            table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            for (var c = 0; c < width; c++)
                sheet.Column(c + 1).Width = form.Columns[c] switch { "stt" => 5, "name" => 48, "item" => 11, "breakdown" => 36, "location" => 22, _ => 15 };
            sheet.SheetView.FreezeRows(headerRow);
            sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
            sheet.PageSetup.FitToPages(1, 0);
            sheet.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private sealed record Row(Dictionary<string, object?> Values, bool IsTotal = false)
    {
        public object? Get(string column) => Values.GetValueOrDefault(column);
    }

    private static List<Row> IndicatorRows(ValueExport export, FormDefinition form)
    {
        var spec = form.Rows ?? new FormRows();
        var byCode = export.DataValues.GroupBy(v => v.DataElement).ToDictionary(g => g.Key, g => g.ToList());
        IEnumerable<string> codes = spec.WithTargets ? export.Targets.Select(t => t.DataElement).Distinct()
            : spec.Indicators is { } list ? list
            : byCode.Keys.Where(c => spec.CodePrefix is null || c.StartsWith(spec.CodePrefix, StringComparison.Ordinal));
        var rows = new List<Row>();
        foreach (var code in codes)
        {
            byCode.TryGetValue(code, out var values);
            var target = export.Targets.FirstOrDefault(t => t.DataElement == code && t.Disaggregation == "total") ?? export.Targets.FirstOrDefault(t => t.DataElement == code);
            var total = values?.FirstOrDefault(v => v.Disaggregation == "total");
            var any = values?.FirstOrDefault();
            var name = target?.Name ?? any?.Name ?? code;
            var uom = target?.UnitOfMeasure ?? any?.UnitOfMeasure ?? "";
            var result = total?.Value;
            rows.Add(new Row(new()
            {
                ["name"] = name,
                ["item"] = any?.ProgramItem ?? "",
                ["unitOfMeasure"] = uom,
                ["target"] = target?.Value,
                ["result"] = result,
                ["percentOfTarget"] = result is not null && target is { Value: not 0 } ? Math.Round(result.Value * 100 / target.Value, 1) : null,
                ["breakdown"] = values is null ? "" : string.Join("; ", values.Where(v => v.Disaggregation != "total").Select(v => $"{v.DisaggregationName}: {v.Display}")),
            }));
        }
        return rows;
    }

    private static List<Row> CapitalRows(ValueExport export)
    {
        var rows = new List<Row>();
        foreach (var c in export.Capital)
        {
            foreach (var source in c.Lines.Select(l => l.Source).Distinct())
            {
                var inYear = c.Lines.Where(l => l.Source == source && l.CarriedOverFrom is null).Sum(l => l.Amount);
                var carried = c.Lines.Where(l => l.Source == source && l.CarriedOverFrom is not null).Sum(l => l.Amount);
                var disbursed = c.DisbursedBySource.GetValueOrDefault(source);
                rows.Add(new Row(new()
                {
                    ["item"] = c.ProgramItem,
                    ["name"] = c.Name,
                    ["source"] = ReportDataBuilder.SourceName(source),
                    ["allocatedInYear"] = Millions(inYear),
                    ["carriedOver"] = Millions(carried),
                    ["total"] = Millions(inYear + carried),
                    ["disbursed"] = Millions(disbursed),
                    ["disbursedPercent"] = inYear + carried > 0 ? Math.Round(disbursed * 100m / (inYear + carried), 1) : null,
                }));
            }
        }
        if (rows.Count > 0)
        {
            var total = export.Capital.Sum(c => c.Total);
            var disbursed = export.Capital.Sum(c => c.Disbursed);
            rows.Add(new Row(new()
            {
                ["name"] = "Tổng cộng",
                ["allocatedInYear"] = Millions(export.Capital.Sum(c => c.AllocatedInYear)),
                ["carriedOver"] = Millions(export.Capital.Sum(c => c.CarriedOver)),
                ["total"] = Millions(total),
                ["disbursed"] = Millions(disbursed),
                ["disbursedPercent"] = total > 0 ? Math.Round(disbursed * 100m / total, 1) : null,
            }, IsTotal: true));
        }
        return rows;
    }

    private static List<Row> WorkRows(ValueExport export) => export.Works.Select(w => new Row(new()
    {
        ["name"] = w.Name,
        ["item"] = w.ProgramItem,
        ["location"] = w.Location ?? "",
        ["isNew"] = w.IsNew ? "Khởi công mới" : "Chuyển tiếp",
        ["status"] = Domain.Works.WorkStatuses.VietnameseName(w.Status),
        ["budget"] = w.Budget is { } b ? Millions(b) : null,
        ["disbursed"] = w.Disbursed is { } d ? Millions(d) : null,
    })).ToList();

    private static decimal Millions(long dong) => dong / 1_000_000m;

    private static void Title(IXLWorksheet sheet, int row, int width, string text, bool bold = false, bool italic = false, bool left = false)
    {
        var range = sheet.Range(row, 1, row, width).Merge();
        range.Value = text;
        range.Style.Font.Bold = bold;
        range.Style.Font.Italic = italic;
        range.Style.Alignment.Horizontal = left ? XLAlignmentHorizontalValues.Left : XLAlignmentHorizontalValues.Center;
    }

    private static string SheetName(string code) => new(code.Where(c => !"[]:*?/\\".Contains(c)).Take(31).ToArray());

    /// <summary>Text that a spreadsheet would run as a formula is kept as text.</summary>
    private static string Neutralise(string text) => Domain.Formatting.CsvSafe.Neutralise(text) ?? "";
}
