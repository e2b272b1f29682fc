using BenchmarkDotNet.Attributes;
using Gnbv.Domain.Periods;

namespace Gnbv.Benchmarks;

/// <summary><see cref="Period.Parse"/> over every kind of period id: year, half-year, quarter, month and phase. Reported per id.</summary>
[MemoryDiagnoser]
public class PeriodBenchmarks
{
    static readonly string[] Ids = ["2023", "2023S1", "2023S2", "2023Q2", "2023Q4", "202303", "202312", "2021-2025"];

    [Benchmark(OperationsPerInvoke = 8)]
    public int Parse()
    {
        var days = 0;
        foreach (var id in Ids) days += Period.Parse(id).End.DayNumber;
        return days;
    }
}
