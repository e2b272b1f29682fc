using BenchmarkDotNet.Attributes;
using Gnbv.Domain.Households;

namespace Gnbv.Benchmarks;

/// <summary>
/// <see cref="PovertyClassifier.Classify"/> over the households of a generated list, with the
/// area, income or score A and deprivations the import parsed from it (about half by income, half
/// by score A, as the generator makes them). Reported per household.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    const int Households = 2_000;

    (PovertyStandard Standard, Area Area, long? Income, int? ScoreA, string[] Deprived)[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var communes = BenchData.Communes(24);
        var parsed = BenchData.Parse(BenchData.HouseholdCsv(communes, Households), communes.ToDictionary(c => c.Code), BenchData.Standards());
        if (parsed.Count != Households) throw new InvalidOperationException($"parsed {parsed.Count} households, expected {Households}");
        _inputs = [.. parsed.Select(h => (h.Standard!, h.Area, h.Income, h.ScoreA,
            h.Standard!.Indicators.Where(i => i.IsSetIn(h.DeprivedMask)).Select(i => i.Code).ToArray()))];
    }

    [Benchmark(OperationsPerInvoke = Households)]
    public int Classify()
    {
        var poor = 0;
        foreach (var (standard, area, income, scoreA, deprived) in _inputs)
            if (PovertyClassifier.Classify(standard, area, income, scoreA, deprived).Status == HouseholdStatus.Poor) poor++;
        return poor;
    }
}
