using Gnbv.Data.Values;
using Gnbv.Domain.Reports;

namespace Gnbv.Reports.Charts;

/// <summary>Draws the report's charts as PNG images.</summary>
public interface IChartRenderer
{
    ImageBlock Capital(IReadOnlyList<ExportCapital> rows);

    ImageBlock Targets(IReadOnlyList<(string Name, double PercentOfTarget)> rows);
}
