using Gnbv.Data;
using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Data.Workflow;
using Gnbv.Reports.Charts;
using Gnbv.Reports.Templating;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gnbv.Reports;

/// <summary>The report services, over the primary context and (keyed <see cref="ReadOnlyDb.Key"/>) over the read-only one.</summary>
public static class ReportServices
{
    public static IServiceCollection AddGnbvReports(this IServiceCollection services)
    {
        services.TryAddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddReader((sp, k) => new ReportDataBuilder(sp.Get<AppDbContext>(k), sp.Get<UnitTree>(k), sp.Get<ValueRollup>(k), sp.Get<ValueExporter>(k), sp.Get<Completeness>(k)));
        services.AddReader((sp, k) => new ReportService(sp.Get<AppDbContext>(k), sp.Get<ReportDataBuilder>(k), sp.GetRequiredService<IChartRenderer>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ReportService>>()));
        // Saving a template writes: over the primary context only.
        services.AddScoped<TemplateEditor>();
        return services;
    }
}
