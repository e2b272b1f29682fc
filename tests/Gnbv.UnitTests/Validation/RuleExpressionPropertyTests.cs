using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Gnbv.Domain;
using Gnbv.Domain.Validation;

namespace Gnbv.UnitTests.Validation;

/// <summary>
/// The rule evaluator against a reference evaluation of generated expression trees: same value,
/// same "missing" (null), whichever way the tree is printed; and arbitrary text gives a parse error
/// (<see cref="DomainException"/>), never another exception or a hang.
/// </summary>
public class RuleExpressionPropertyTests
{
    private abstract record Node;
    private sealed record Literal(decimal Value) : Node;
    private sealed record Ref(Operand Operand) : Node;
    private sealed record Negate(Node Inner) : Node;
    private sealed record Binary(char Op, Node Left, Node Right) : Node;

    private static readonly string[] Codes = ["DA5.HO_SUA_CHUA", "CS.TD_HO_NGHEO_LUOT", "DA1", "DA4.TIEU_DA_1", "X9"];
    private static readonly string[] Disaggregations = ["total", "poor", "near-poor", "female"];

    private static readonly Gen<Node> Leaf = Gen.OneOf(
        Gen.Int[0, 100000].Select(Gen.Int[0, 3], (n, scale) => (Node)new Literal(new decimal(n, 0, 0, false, (byte)scale))),
        Gen.Select(Gen.Int[0, Codes.Length - 1], Gen.Int[0, Disaggregations.Length - 1], Gen.Int[0, 3], (c, d, k) =>
            (Node)new Ref(k switch
            {
                0 => new Operand('#', Codes[c], Disaggregations[d]),
                1 => new Operand('T', Codes[c], Disaggregations[d]),
                2 => new Operand('B', Codes[c], "total"),
                _ => new Operand('D', Codes[c], "total"),
            })));

    private static Gen<Node> Tree(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (2, Leaf),
        (1, Tree(depth - 1).Select(n => (Node)new Negate(n))),
        (4, Gen.Select(Gen.Char["+-*/"], Tree(depth - 1), Tree(depth - 1), (op, l, r) => (Node)new Binary(op, l, r))));

    /// <summary>Values for the operands: some missing, some zero (divisors), some large (overflow).</summary>
    private static readonly Gen<Dictionary<Operand, decimal?>> Values =
        Gen.Frequency((6, Gen.Int[-1000, 100000].Select(i => (decimal?)(i / 10m))), (1, Gen.Const((decimal?)null)), (1, Gen.Const((decimal?)0m)), (1, Gen.Const((decimal?)7e27m)))
            .Array[40].Select(a =>
            {
                var all = Codes.SelectMany(c => Disaggregations.SelectMany(d => new[] { new Operand('#', c, d), new Operand('T', c, d) }))
                    .Concat(Codes.SelectMany(c => new[] { new Operand('B', c, "total"), new Operand('D', c, "total") })).ToList();
                return all.Select((o, i) => (o, v: a[i % a.Length])).ToDictionary(x => x.o, x => x.v);
            });

    private static decimal? Reference(Node node, IReadOnlyDictionary<Operand, decimal?> values)
    {
        try
        {
            return node switch
            {
                Literal l => l.Value,
                Ref r => values[r.Operand],
                Negate n => Reference(n.Inner, values) is { } v ? -v : null,
                Binary b => (Reference(b.Left, values), Reference(b.Right, values)) switch
                {
                    ({ } x, { } y) => b.Op switch
                    {
                        '+' => x + y,
                        '-' => x - y,
                        '*' => x * y,
                        _ => y == 0 ? null : x / y,
                    },
                    _ => null,
                },
                _ => throw new UnreachableException(),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every binary node in parentheses.</summary>
    private static string Full(Node node) => node switch
    {
        Literal l => Text(l.Value),
        Ref r => r.Operand.ToString(),
        Negate n => "-" + Full(n.Inner),
        Binary b => $"({Full(b.Left)} {b.Op} {Full(b.Right)})",
        _ => throw new UnreachableException(),
    };

    /// <summary>Only the parentheses precedence and left associativity need, with no spaces where a reader would put them.</summary>
    private static string Minimal(Node node, int context = 0, bool right = false)
    {
        switch (node)
        {
            case Literal l: return Text(l.Value);
            case Ref r: return r.Operand.ToString();
            case Negate n: return "-" + Minimal(n.Inner, 3);
            case Binary b:
                var p = b.Op is '+' or '-' ? 1 : 2;
                var s = Minimal(b.Left, p) + b.Op + Minimal(b.Right, p, right: true);
                return p < context || (right && p == context) ? "(" + s + ")" : s;
            default: throw new UnreachableException();
        }
    }

    private static IEnumerable<Operand> OperandsOf(Node node) => node switch
    {
        Ref r => [r.Operand],
        Negate n => OperandsOf(n.Inner),
        Binary b => OperandsOf(b.Left).Concat(OperandsOf(b.Right)),
        _ => [],
    };

    [Fact]
    public void Evaluate_GeneratedExpressions_EqualTheReferenceHoweverPrinted()
    {
        Gen.Select(Tree(4), Values).Sample((tree, values) =>
        {
            var expected = Reference(tree, values);
            decimal? Resolve(Operand o) => values[o];
            RuleExpression.Evaluate(Full(tree), Resolve).ShouldBe(expected, Full(tree));
            RuleExpression.Evaluate(Minimal(tree), Resolve).ShouldBe(expected, Minimal(tree));
            RuleExpression.Evaluate($"  {Full(tree).Replace(" ", "\t ")}  ", Resolve).ShouldBe(expected);
            RuleExpression.Operands(Minimal(tree)).ShouldBe(OperandsOf(tree).ToList());
        }, iter: 3000);
    }

    [Fact]
    public void Evaluate_PrintParsePrint_IsStable()
    {
        // Re-printing a parsed operand gives the same text: the printed form is a fixed point.
        Tree(3).Sample(tree =>
        {
            var printed = Minimal(tree);
            var operands = RuleExpression.Operands(printed);
            string.Concat(operands.Select(o => o.ToString())).ShouldBe(string.Concat(OperandsOf(tree).Select(o => o.ToString())));
        }, iter: 1000);
    }

    private static readonly Gen<string> ExpressionLikeText = Gen.String[Gen.Char["0123456789.+-*/() #{}TBDa.Z_\t"], 0, 40];

    [Fact]
    public void Evaluate_ArbitraryText_GivesValueOrParseErrorOnly()
    {
        Gen.OneOf(ExpressionLikeText, Gen.String).Sample(text =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                RuleExpression.Evaluate(text, _ => 1m);
            }
            catch (DomainException e)
            {
                e.Message.ShouldContain("invalid rule expression");
            }
            watch.ElapsedMilliseconds.ShouldBeLessThan(1000, text);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("1.2.3")]                               // was FormatException from decimal.Parse
    [InlineData(".")]                                   // was FormatException
    [InlineData("99999999999999999999999999999999")]    // was OverflowException
    public void Evaluate_MalformedNumber_IsAParseError(string text)
    {
        Should.Throw<DomainException>(() => RuleExpression.Evaluate(text, _ => 1m)).Message.ShouldContain("không hợp lệ");
    }

    [Fact]
    public void Evaluate_DeepNesting_IsAParseErrorNotAStackOverflow()
    {
        Should.Throw<DomainException>(() => RuleExpression.Evaluate(new string('(', 100_000) + "1", _ => 1m)).Message.ShouldContain("nested too deeply");
        Should.Throw<DomainException>(() => RuleExpression.Evaluate(new string('-', 100_000) + "1", _ => 1m)).Message.ShouldContain("nested too deeply");
        RuleExpression.Evaluate(new string('(', 50) + "1" + new string(')', 50), _ => 1m).ShouldBe(1m);
    }

    [Fact]
    public void Evaluate_ResultBeyondDecimal_IsMissingNotAnOverflowException()
    {
        // Was OverflowException out of the validator: a product of two large figures.
        RuleExpression.Evaluate("#{A} * #{A} * #{A}", _ => 7e27m).ShouldBeNull();
    }

    [Fact]
    public void OperandToString_TargetWithDisaggregation_ReadsBackAsTheSameTarget()
    {
        // Shrunk counter-example: T{DA1.poor} printed as "T{DA1}", which reads back as the total.
        var target = new Operand('T', "DA1", "poor");
        RuleExpression.Operands(target.ToString()).ShouldHaveSingleItem().ShouldBe(target);
        RuleExpression.Evaluate(target.ToString(), o => o.Disaggregation == "poor" ? 9480.6m : 3984m).ShouldBe(9480.6m);
    }
}
