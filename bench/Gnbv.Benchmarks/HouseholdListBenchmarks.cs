using BenchmarkDotNet.Attributes;
using Gnbv.Data.Households;
using Gnbv.Data.Users;
using Gnbv.Domain.Households;
using Gnbv.Domain.Units;

namespace Gnbv.Benchmarks;

/// <summary>
/// The household list import's in-memory half over a generated CSV of 2,000 households in 24
/// synthetic communes: <see cref="HouseholdFileReader.Read"/> alone, <see cref="HouseholdRowParser.Parse"/>
/// (checks and classification) alone over rows already read, and both as the importer runs them.
/// </summary>
[MemoryDiagnoser]
public class HouseholdListBenchmarks
{
    const int Households = 2_000;

    byte[] _csv = [];
    Dictionary<string, OrgUnit> _units = [];
    List<PovertyStandard> _standards = [];
    List<List<SourceRow>> _groups = [];

    [GlobalSetup]
    public void Setup()
    {
        var communes = BenchData.Communes(24);
        _units = communes.ToDictionary(c => c.Code);
        _standards = BenchData.Standards();
        _csv = BenchData.HouseholdCsv(communes, Households);
        using var stream = new MemoryStream(_csv, writable: false);
        _groups = [.. HouseholdRowParser.Groups(HouseholdFileReader.Read(stream, "households.csv", BenchData.RequiredKeys))];
        Console.WriteLine($"// household list: {_groups.Count} households, {_groups.Sum(g => g.Count)} member rows, {_csv.Length / 1024} KiB");
    }

    [Benchmark]
    public int Read()
    {
        var rows = 0;
        using var stream = new MemoryStream(_csv, writable: false);
        foreach (var _ in HouseholdFileReader.Read(stream, "households.csv", BenchData.RequiredKeys)) rows++;
        return rows;
    }

    [Benchmark]
    public int Parse()
    {
        var parser = new HouseholdRowParser(_units, _standards, Actor.System, null, Gnbv.Domain.Time.VietnamClock.VietnamYear(TimeProvider.System));
        var parsed = 0;
        foreach (var group in _groups)
            if (parser.Parse(group) is not null) parsed++;
        return parsed;
    }

    [Benchmark(Baseline = true)]
    public int ReadAndParse() => BenchData.Parse(_csv, _units, _standards).Count;
}
