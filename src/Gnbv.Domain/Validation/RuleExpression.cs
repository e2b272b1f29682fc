using System.Globalization;

namespace Gnbv.Domain.Validation;

/// <summary>A reference in a rule expression: #{INDICATOR.disaggregation}, T{...} (target), B{ITEM} (budget), D{ITEM} (disbursed).</summary>
public sealed record Operand(char Kind, string Code, string Disaggregation)
{
    // A target names its disaggregation as a figure does: "T{X}" for T{X.poor} would read back as the total.
    public override string ToString() => Kind is '#' or 'T' ? $"{Kind}{{{Code}.{Disaggregation}}}" : $"{Kind}{{{Code}}}";
}

/// <summary>
/// Arithmetic over referenced figures: + - * / and parentheses, decimal literals. A reference with
/// no value makes the whole expression missing, and the rule is skipped (DHIS2's "skip if missing").
/// </summary>
public sealed class RuleExpression
{
    private readonly string _text;
    private const int MaxDepth = 100;
    private int _pos;
    private int _depth;
    private Func<Operand, decimal?> _resolve = _ => null;
    private readonly List<Operand> _operands = [];

    private RuleExpression(string text) => _text = text;

    public static IReadOnlyList<Operand> Operands(string text)
    {
        var e = new RuleExpression(text);
        e.Evaluate(_ => 1m);
        return e._operands;
    }

    /// <summary>
    /// Evaluates; null when a referenced value is missing, a divisor is zero or a result is beyond
    /// what a decimal holds (about 7.9e28): such a rule cannot be checked, like one with a value missing.
    /// </summary>
    public static decimal? Evaluate(string text, Func<Operand, decimal?> resolve) => new RuleExpression(text).Evaluate(resolve);

    private decimal? Evaluate(Func<Operand, decimal?> resolve)
    {
        _resolve = resolve;
        _pos = 0;
        _depth = 0;
        var value = Sum();
        Skip();
        if (_pos < _text.Length) throw Error($"thừa '{_text[_pos..]}'");
        return value;
    }

    private decimal? Sum()
    {
        var value = Product();
        while (true)
        {
            Skip();
            if (Eat('+')) value = Combine(value, Product(), (a, b) => a + b);
            else if (Eat('-')) value = Combine(value, Product(), (a, b) => a - b);
            else return value;
        }
    }

    private decimal? Product()
    {
        var value = Factor();
        while (true)
        {
            Skip();
            if (Eat('*')) value = Combine(value, Factor(), (a, b) => a * b);
            else if (Eat('/')) value = Combine(value, Factor(), (a, b) => b == 0 ? null : a / b);
            else return value;
        }
    }

    private decimal? Factor()
    {
        Skip();
        // Nesting is bounded so that a hostile rule ("((((...", "----...1") is an error, not a stack overflow.
        if (++_depth > MaxDepth) throw Error($"lồng quá {MaxDepth} cấp (nested too deeply)");
        try
        {
            return Primary();
        }
        finally
        {
            _depth--;
        }
    }

    private decimal? Primary()
    {
        if (Eat('('))
        {
            var inner = Sum();
            Skip();
            if (!Eat(')')) throw Error("thiếu ')'");
            return inner;
        }
        if (Eat('-')) return Factor() is { } v ? -v : null;
        if (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
            var literal = _text[start.._pos];
            if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                _pos = start;
                throw Error($"số '{literal}' không hợp lệ hoặc quá lớn");
            }
            return number;
        }
        if (_pos + 1 < _text.Length && _text[_pos] is '#' or 'T' or 'B' or 'D' && _text[_pos + 1] == '{')
        {
            var kind = _text[_pos];
            var end = _text.IndexOf('}', _pos);
            if (end < 0) throw Error("thiếu '}'");
            var inside = _text[(_pos + 2)..end].Trim();
            _pos = end + 1;
            var operand = kind is '#' or 'T' ? Split(kind, inside) : new Operand(kind, inside, "total");
            _operands.Add(operand);
            return _resolve(operand);
        }
        throw Error(_pos < _text.Length ? $"không hiểu '{_text[_pos]}'" : "biểu thức kết thúc sớm");
    }

    /// <summary>INDICATOR.CODE.with.dots.disaggregation: the disaggregation is the last part when it is lower case.</summary>
    private static Operand Split(char kind, string inside)
    {
        var dot = inside.LastIndexOf('.');
        if (dot > 0 && inside[(dot + 1)..] is { Length: > 0 } last && last.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            return new Operand(kind, inside[..dot], last);
        return new Operand(kind, inside, "total");
    }

    private static decimal? Combine(decimal? a, decimal? b, Func<decimal, decimal, decimal?> op)
    {
        if (a is not { } x || b is not { } y) return null;
        try
        {
            return op(x, y);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private void Skip()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private bool Eat(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private DomainException Error(string what) => new($"Biểu thức '{_text}' không hợp lệ ở vị trí {_pos + 1}: {what} (invalid rule expression)");

    /// <summary>Compares as the rule's operator says; tolerance is relative (0.02 = 2%).</summary>
    public static bool Holds(decimal left, string op, decimal right, decimal tolerance) => op switch
    {
        "==" => left == right,
        "!=" => left != right,
        "<" => left < right,
        "<=" => left <= right,
        ">" => left > right,
        ">=" => left >= right,
        "~=" => Math.Abs(left - right) <= tolerance * Math.Max(Math.Abs(left), Math.Abs(right)),
        "multiple-of" => right > 0 && left >= right * (1 - tolerance) && Math.Abs(left / right - Math.Round(left / right)) <= tolerance * Math.Round(left / right),
        _ => throw new DomainException($"Toán tử '{op}' không có; dùng ==, !=, <, <=, >, >=, ~=, multiple-of (unknown operator)"),
    };
}
