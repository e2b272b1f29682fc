using Gnbv.Data.Values;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Reports;

namespace Gnbv.Reports.Charts;

/// <summary>
/// Bar charts drawn without any graphics library: bars, codes and Vietnamese-formatted numbers in
/// the image; the Vietnamese words (title, legend) go in the caption, which the DOCX sets as text.
/// </summary>
public sealed class PngChartRenderer : IChartRenderer
{
    private static readonly (byte, byte, byte) Allocated = (0xC9, 0xD7, 0xE8);
    private static readonly (byte, byte, byte) Paid = (0x1F, 0x4E, 0x8C);
    private static readonly (byte, byte, byte) Ink = (0x1D, 0x2A, 0x36);
    private static readonly (byte, byte, byte) Grid = (0xD8, 0xDE, 0xE4);
    private const int Scale = 2;
    private const int RowHeight = 34;
    private const int Width = 1200;

    public ImageBlock Capital(IReadOnlyList<ExportCapital> rows)
    {
        var bars = rows.Select(r => (r.ProgramItem, (double)r.Total, (double?)r.Disbursed, VnFormat.Millions(r.Total, 0))).ToList();
        var png = Bars(bars, bars.Max(b => Math.Max(b.Item2, b.Item3 ?? 0)), reference: null);
        return new ImageBlock(png.Encode(), png.Width, png.Height,
            "Biểu đồ: vốn bố trí (thanh nhạt) và đã giải ngân (thanh đậm) theo dự án, tiểu dự án (triệu đồng)");
    }

    public ImageBlock Targets(IReadOnlyList<(string Name, double PercentOfTarget)> rows)
    {
        var bars = rows.Select((r, i) => ($"{i + 1}", r.PercentOfTarget, (double?)null, VnFormat.Number((decimal)r.PercentOfTarget, 1) + "%")).ToList();
        var png = Bars(bars, Math.Max(100, bars.Max(b => b.Item2)), reference: 100);
        var legend = string.Join("; ", rows.Select((r, i) => $"{i + 1}: {r.Name}"));
        return new ImageBlock(png.Encode(), png.Width, png.Height, $"Biểu đồ: kết quả so với kế hoạch (%, vạch dọc là 100%). {legend}");
    }

    private static Png Bars(IReadOnlyList<(string Label, double Value, double? Inner, string Text)> bars, double max, double? reference)
    {
        var labelWidth = Png.TextWidth(bars.Max(b => b.Label) ?? "", Scale) + 24;
        var textWidth = Png.TextWidth(bars.Max(b => b.Text) ?? "", Scale) + 24;
        var plot = Width - labelWidth - textWidth;
        var png = new Png(Width, bars.Count * RowHeight + 20);
        max = Math.Max(max, 1);
        int X(double v) => labelWidth + (int)Math.Round(v / max * plot);
        for (var g = 0; g <= 4; g++) png.Fill(labelWidth + plot * g / 4, 0, 1, png.Height - 10, Grid);
        if (reference is { } r) png.Fill(X(r), 0, 3, png.Height - 10, (0xB3, 0x26, 0x1E));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, inner, text) = bars[i];
            var y = 10 + i * RowHeight;
            png.Text(8, y + 8, label, Scale, Ink);
            var w = X(value) - labelWidth;
            png.Fill(labelWidth, y + 4, Math.Max(w, 1), RowHeight - 10, inner is null ? Paid : Allocated);
            if (inner is { } paid) png.Fill(labelWidth, y + 11, Math.Max(X(paid) - labelWidth, 0), RowHeight - 24, Paid);
            png.Text(labelWidth + Math.Max(w, 1) + 8, y + 8, text, Scale, Ink);
        }
        return png;
    }
}
