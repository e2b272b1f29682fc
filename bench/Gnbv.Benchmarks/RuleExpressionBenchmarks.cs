using BenchmarkDotNet.Attributes;
using Gnbv.Domain.Validation;

namespace Gnbv.Benchmarks;

/// <summary>
/// <see cref="RuleExpression"/> over the left and right sides of the shipped validation rules,
/// every reference resolved to a value (the validator's common case). Reported per expression.
/// </summary>
[MemoryDiagnoser]
public class RuleExpressionBenchmarks
{
    string[] _expressions = [];
    readonly Func<Operand, decimal?> _resolve = o => 10m + o.Code.Length;

    [GlobalSetup]
    public void Setup() => _expressions = BenchData.RuleExpressions();

    [Benchmark]
    public decimal EvaluateAll()
    {
        var sum = 0m;
        foreach (var e in _expressions) sum += RuleExpression.Evaluate(e, _resolve) ?? 0m;
        return sum;
    }

    [Benchmark]
    public int OperandsAll()
    {
        var count = 0;
        foreach (var e in _expressions) count += RuleExpression.Operands(e).Count;
        return count;
    }
}
