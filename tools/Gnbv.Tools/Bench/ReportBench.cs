using Gnbv.Data.Database;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.Reports;
using Gnbv.Reports.Charts;

namespace Gnbv.Tools.Bench;

public sealed record ReportMeasure(string Unit, string Period, double MedianMs, int Bytes);

/// <summary>The whole report of a unit (DOCX and the XLSX forms), warm: one run to warm up, then the median of several.</summary>
public static class ReportBench
{
    public static async Task<ReportMeasure> RunAsync(AppDbContext db, OrgUnit unit, Period period, int runs, CancellationToken ct)
    {
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ReportService>(Gnbv.Data.CoreServices.Over(db));
        GeneratedReport report = null!;
        var median = await RollupBench.Median(runs, async () =>
        {
            db.ChangeTracker.Clear();
            report = await service.GenerateAsync(unit, period, null, ct);
        });
        if (!report.Document.HasData) throw new InvalidOperationException($"báo cáo {unit.Name} {period.Id} không có số liệu: dữ liệu giả lập chưa được nạp?");
        return new ReportMeasure($"{unit.Code} {unit.Name}", period.Id, median, report.Docx.Length + report.Xlsx.Length);
    }
}
