using System.Reflection;
using Gnbv.Data.Values;
using Gnbv.Domain;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Reports;
using Gnbv.Reports.Charts;
using Gnbv.Reports.Templating;

namespace Gnbv.Reports;

/// <summary>
/// Renders the report's wording (a Liquid template, the shipped one or a unit's own) over the
/// report data, then reads the result line by line into the format-neutral report model.
/// </summary>
public static class ReportComposer
{
    public const string DefaultTemplateName = "report-mau-01.liquid";

    public static string DefaultTemplate()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gnbv.Reports.Templates." + DefaultTemplateName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Checks that a template parses (length, nesting, allowed tags); <see cref="TemplateEditor"/> also renders it before storing it.</summary>
    public static void Validate(string template) => TemplateEngine.Parse(template);

    /// <summary>
    /// The report model from a template (null: the shipped one). Layout comes from the template's
    /// own text only: a line the template starts with <c># </c> is a heading, a line that is a
    /// <c>[[...]]</c> of the template is a table or chart; what it prints with <c>{{ }}</c>
    /// (narratives, names) is text wherever it stands (<see cref="TextMarks"/>).
    /// </summary>
    public static async Task<ReportDocument> ComposeAsync(ReportData data, ValueExport export, string? template, IChartRenderer charts,
        IReadOnlyList<string>? warnings = null, TemplateLimits? limits = null, CancellationToken ct = default)
    {
        var fluid = TemplateEngine.Parse(template ?? DefaultTemplate(), limits);
        var rendered = await TemplateEngine.RenderAsync(fluid, data, limits, ct);
        var blocks = new List<ReportBlock>();
        foreach (var raw in rendered.Split('\n'))
        {
            var line = raw.Trim();
            var text = TextMarks.Strip(line).Trim();
            if (text.Length == 0) continue;
            if (line.StartsWith("[[", StringComparison.Ordinal) && line.EndsWith("]]", StringComparison.Ordinal))
            {
                blocks.AddRange(Placeholder(TextMarks.Strip(line[2..^2]), data, export, charts));
                continue;
            }
            blocks.Add(line switch
            {
                _ when line.StartsWith("### ", StringComparison.Ordinal) => new HeadingBlock(3, TextMarks.Strip(line[4..]).Trim()),
                _ when line.StartsWith("## ", StringComparison.Ordinal) => new HeadingBlock(2, TextMarks.Strip(line[3..]).Trim()),
                _ when line.StartsWith("# ", StringComparison.Ordinal) => new HeadingBlock(1, TextMarks.Strip(line[2..]).Trim()),
                _ => new ParagraphBlock(text, Italic: line.StartsWith("(Chi tiết", StringComparison.Ordinal)),
            });
        }
        var heading = new ReportHeading(data.Issuer.ParentBody, data.Issuer.Body, $"Số:       /BC-{data.Issuer.ShortName}", data.Unit.Name, null);
        var title = "BÁO CÁO";
        var subtitle = $"Kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững {data.Period.Label}, phương hướng, nhiệm vụ {data.Period.NextLabel}";
        var recipients = data.Narrative.Recipients.Count > 0 ? data.Narrative.Recipients : ["Như trên;", "Lưu: VT."];
        var signature = data.Narrative.Signature.Count > 0 ? data.Narrative.Signature : ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"];
        return new ReportDocument(heading, title, subtitle, blocks, recipients, signature, data.HasData) { Warnings = warnings ?? [] };
    }

    private static IEnumerable<ReportBlock> Placeholder(string name, ReportData data, ValueExport export, IChartRenderer charts)
    {
        var parts = name.Split(':');
        switch (parts[0])
        {
            case "chart" when parts.Length == 2 && parts[1] == "capital" && export.Capital.Count > 0:
                yield return charts.Capital(export.Capital);
                break;
            case "chart" when parts.Length == 2 && parts[1] == "targets":
                var rows = export.Targets.Select(t => (t, r: export.DataValues.FirstOrDefault(v => v.DataElement == t.DataElement && v.Disaggregation == t.Disaggregation)))
                    .Where(x => x.r is not null && x.t.Value != 0).ToList();
                if (rows.Count > 0) yield return charts.Targets(rows.Select(x => (x.t.Name, (double)(x.r!.Value * 100 / x.t.Value))).ToList());
                break;
            case "table" when parts.Length == 2 && parts[1] == "capital" && export.Capital.Count > 0:
                yield return new TableBlock(Grids.Capital(export));
                break;
            case "table" when parts.Length == 3 && parts[1] == "works":
                var works = export.Works.Where(w => w.ProgramItem == parts[2]).ToList();
                if (works.Count > 0) yield return new TableBlock(Grids.Works(works));
                break;
            case "table" when parts.Length == 2 && parts[1] == "submissions" && data.Submissions.Any:
                yield return new TableBlock(Grids.Submissions(data.Submissions));
                break;
            // A known table or chart with nothing to show this time is left out; an unknown name is the template's error.
            case "chart" when parts is [_, "capital" or "targets"]:
            case "table" when parts is [_, "capital" or "submissions"] or [_, "works", _]:
                break;
            default:
                throw new TemplateException($"Mẫu báo cáo dùng chỗ chèn không có: [[{name}]] (unknown placeholder)");
        }
    }
}

/// <summary>Grids shared by the report body and the forms workbook.</summary>
public static class Grids
{
    public static ReportGrid Capital(ValueExport export)
    {
        var rows = export.Capital.Select(c => (IReadOnlyList<string>)
        [
            c.ProgramItem, c.Name, VnFormat.Millions(c.AllocatedInYear), VnFormat.Millions(c.CarriedOver), VnFormat.Millions(c.Total),
            VnFormat.Millions(c.Disbursed), c.DisbursedPercent is { } p ? VnFormat.Percent(p, 1) : "",
        ]).ToList();
        var total = export.Capital.Sum(c => c.Total);
        var disbursed = export.Capital.Sum(c => c.Disbursed);
        rows.Add(["", "Tổng cộng", VnFormat.Millions(export.Capital.Sum(c => c.AllocatedInYear)), VnFormat.Millions(export.Capital.Sum(c => c.CarriedOver)),
            VnFormat.Millions(total), VnFormat.Millions(disbursed), total > 0 ? VnFormat.Percent(disbursed * 100m / total, 1) : ""]);
        return new ReportGrid("Vốn bố trí và giải ngân (triệu đồng)",
            ["Mã", "Dự án, tiểu dự án", "Giao trong năm", "Chuyển nguồn", "Tổng", "Đã giải ngân", "% giải ngân"],
            rows, [false, false, true, true, true, true, true], LastRowIsTotal: true);
    }

    public static ReportGrid Submissions(SubmissionsInfo s) => new($"Tình hình gửi số liệu của các đơn vị trực thuộc (đến ngày {s.AsOf})",
        ["TT", "Đơn vị", .. s.DataSets],
        s.Rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Unit, .. r.Cells]).ToList(),
        [true, false, .. s.DataSets.Select(_ => false)]);

    public static ReportGrid Works(IReadOnlyList<ExportWork> works) => new("Danh mục công trình",
        ["TT", "Tên công trình", "Địa điểm", "Loại", "Tình trạng"],
        works.Select((w, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), w.Name, w.Location ?? "",
            w.IsNew ? "Khởi công mới" : "Chuyển tiếp", Domain.Works.WorkStatuses.VietnameseName(w.Status)]).ToList(),
        [true, false, false, false, false]);
}
