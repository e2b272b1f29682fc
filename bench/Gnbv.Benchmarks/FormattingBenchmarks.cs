using BenchmarkDotNet.Attributes;
using Gnbv.Domain.Formatting;

namespace Gnbv.Benchmarks;

/// <summary><see cref="VnFormat.Number(long)"/> and <see cref="VnFormat.Number(decimal, int)"/> as reports call them (đồng, counts, shares). Reported per number.</summary>
[MemoryDiagnoser]
public class FormattingBenchmarks
{
    static readonly long[] Longs = [0, 7, 1_346, 1_500_000, 2_250_000, 9_835_440_000, -42_000];
    static readonly decimal[] Decimals = [0m, 1346.5m, 12.345m, 9835.44m, 0.015m, 100m, -3.75m];

    [Benchmark(OperationsPerInvoke = 7)]
    public int NumberLong()
    {
        var length = 0;
        foreach (var v in Longs) length += VnFormat.Number(v).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = 7)]
    public int NumberDecimal()
    {
        var length = 0;
        foreach (var v in Decimals) length += VnFormat.Number(v).Length;
        return length;
    }
}
