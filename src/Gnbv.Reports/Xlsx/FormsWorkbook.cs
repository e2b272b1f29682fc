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

    private static readonly CellStyle Header = new()
    {
        Bold = true,
        Horizontal = HorizontalAlign.Center,
        Wrap = true,
        Fill = "E8EEF5",
        Border = true,
        AlignTop = true,
    };

    private static readonly CellStyle Body = new() { Border = true, AlignTop = true };

    public static byte[] Render(ValueExport export, string unitLabel, string periodLabel, FormSet? forms = null)
    {
        var workbook = new WorkbookWriter("Times New Roman", 12, rowHeight: 15.75);
        foreach (var form in (forms ?? FormSet.Default()).Forms)
        {
            var sheet = workbook.AddSheet(SheetName(form.Code));
            var width = form.Columns.Count;
            Title(sheet, 1, width, form.Code, new() { Bold = true, Horizontal = HorizontalAlign.Left });
            Title(sheet, 2, width, form.Title, new() { Bold = true, Horizontal = HorizontalAlign.Center });
            Title(sheet, 3, width, $"Đơn vị: {unitLabel} — Kỳ báo cáo: {periodLabel}" + (form.Unit is null ? "" : $" — Đơn vị tính: {form.Unit}"), new() { Italic = true, Horizontal = HorizontalAlign.Center });
            const int headerRow = 5;
            for (var c = 0; c < width; c++)
                sheet.Text(headerRow, c + 1, Headers.GetValueOrDefault(form.Columns[c], form.Columns[c]), Header);
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
                Title(sheet, r, width, "Chưa có số liệu trong kỳ.", Body with { Italic = true });
                r++;
            }
            foreach (var row in rows)
            {
                var style = Body with { Bold = row.IsTotal };
                for (var c = 0; c < width; c++)
                {
                    var value = form.Columns[c] == "stt" ? (row.IsTotal ? null : (object)(r - headerRow)) : row.Get(form.Columns[c]);
                    switch (value)
                    {
                        case decimal d:
                            sheet.Number(r, c + 1, d, style with { NumberFormat = NumberFormat });
                            break;
                        case int i:
                            sheet.Number(r, c + 1, i, style);
                            break;
                        case null:
                            sheet.Blank(r, c + 1, style);
                            break;
                        default:
                            Text(sheet, r, c + 1, value.ToString()!, style with { Wrap = true });
                            break;
                    }
                }
                r++;
            }
            for (var c = 0; c < width; c++)
                sheet.ColumnWidth(c + 1, form.Columns[c] switch { "stt" => 5, "name" => 48, "item" => 11, "breakdown" => 36, "location" => 22, _ => 15 });
            sheet.FreezeRows(headerRow);
            sheet.PrintLandscapeA4(titleRow: headerRow);
        }
        return workbook.ToArray();
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

    /// <summary>Text across the table's width: one merged cell, styled over the whole range.</summary>
    private static void Title(SheetWriter sheet, int row, int width, string text, CellStyle style)
    {
        sheet.Text(row, 1, text, style);
        for (var c = 2; c <= width; c++) sheet.Blank(row, c, style);
        if (width > 1) sheet.Merge(row, 1, width);
    }

    private static string SheetName(string code) => new(code.Where(c => !"[]:*?/\\".Contains(c)).Take(31).ToArray());

    /// <summary>
    /// Text that a spreadsheet would run as a formula is kept as text: written as typed, with the
    /// cell's quote prefix (what Excel sets for a leading apostrophe), so editing it keeps it text.
    /// </summary>
    private static void Text(SheetWriter sheet, int row, int column, string text, CellStyle style) =>
        sheet.Text(row, column, text, Domain.Formatting.CsvSafe.Neutralise(text) == text ? style : style with { QuotePrefix = true });
}
