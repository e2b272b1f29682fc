using Gnbv.Data.Values;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Reports;
using ScottPlot;

namespace Gnbv.Reports.Charts;

/// <summary>
/// The report's charts with ScottPlot (SkiaSharp): Vietnamese titles, legends and labels in the image,
/// numbers the Vietnamese way. Uses Noto Sans when installed (fonts-noto-core), which carries every
/// Vietnamese diacritic.
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    private const int Width = 1200;
    private const string FontName = "Noto Sans";
    private static readonly string? FontFile = new[]
    {
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    }.FirstOrDefault(File.Exists);
    private static readonly Lock FontLock = new();
    private static bool _fontAdded;

    public ImageBlock Capital(IReadOnlyList<ExportCapital> rows)
    {
        const string title = "Vốn bố trí và đã giải ngân theo dự án, tiểu dự án (triệu đồng)";
        var height = 140 + rows.Count * 36;
        var plot = NewPlot(title);
        var allocated = Color.FromHex("#9DB7D5");
        var disbursed = Color.FromHex("#1F4E8C");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            double y = (rows.Count - 1 - i) * 3;
            bars.Add(new Bar { Position = y + 0.5, Value = (double)(rows[i].Total / 1_000_000m), FillColor = allocated, Size = 1, Label = VnFormat.Millions(rows[i].Total, 0) });
            bars.Add(new Bar { Position = y - 0.5, Value = (double)(rows[i].Disbursed / 1_000_000m), FillColor = disbursed, Size = 1 });
            ticks.Add(new Tick(y, rows[i].ProgramItem));
        }
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontName = FontName;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => VnFormat.Number((decimal)v, 0) };
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.XLabel("triệu đồng");
        Legend(plot, ("Vốn bố trí", allocated), ("Đã giải ngân", disbursed));
        return Image(plot, height, title);
    }

    public ImageBlock Targets(IReadOnlyList<(string Name, double PercentOfTarget)> rows)
    {
        const string title = "Kết quả so với kế hoạch năm (%)";
        var height = 140 + rows.Count * 40;
        var plot = NewPlot(title);
        var color = Color.FromHex("#1F4E8C");
        var bars = rows.Select((r, i) => new Bar
        {
            Position = rows.Count - 1 - i,
            Value = r.PercentOfTarget,
            FillColor = color,
            Size = 0.7,
            Label = VnFormat.Number((decimal)r.PercentOfTarget, 1) + "%",
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontName = FontName;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            rows.Select((r, i) => new Tick(rows.Count - 1 - i, Shorten(r.Name))).ToArray());
        var line = plot.Add.VerticalLine(100);
        line.Color = Color.FromHex("#B3261E");
        line.LineWidth = 2;
        plot.Axes.SetLimitsX(0, Math.Max(110, rows.Max(r => r.PercentOfTarget) * 1.15));
        plot.XLabel("% kế hoạch (vạch đỏ: 100%)");
        return Image(plot, height, title);
    }

    private static Plot NewPlot(string title)
    {
        EnsureFont();
        var plot = new Plot();
        plot.Title(title);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        return plot;
    }

    private static void Legend(Plot plot, params (string Text, Color Color)[] items)
    {
        foreach (var (text, color) in items) plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.ShowLegend();
    }

    private static ImageBlock Image(Plot plot, int height, string caption)
    {
        // Fonts last: Font.Set does not reach legend items added by hand.
        plot.Font.Set(FontName);
        plot.Legend.FontName = FontName;
        var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        return new ImageBlock(png, Width, height, "Biểu đồ: " + caption);
    }

    private static void EnsureFont()
    {
        lock (FontLock)
        {
            if (_fontAdded || FontFile is null) return;
            Fonts.AddFontFile(FontName, FontFile);
            _fontAdded = true;
        }
    }

    private static string Shorten(string text) => text.Length <= 48 ? text : text[..45] + "...";
}
