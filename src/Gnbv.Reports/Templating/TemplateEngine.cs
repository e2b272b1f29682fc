using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Gnbv.Domain.Formatting;
using Parlot.Fluent;

namespace Gnbv.Reports.Templating;

/// <summary>
/// Parses and renders report templates within <see cref="TemplateLimits"/>. Only the tags listed
/// in <see cref="Tags"/> exist: <c>include</c> and <c>render</c> (files of the server),
/// <c>liquid</c>, <c>tablerow</c> and <c>ifchanged</c> are refused when the template is parsed.
/// </summary>
public static class TemplateEngine
{
    /// <summary>The tags a report template may use (docs/report-templates.md).</summary>
    public static readonly IReadOnlyList<string> Tags = ["assign", "capture", "case", "comment", "cycle", "decrement", "echo", "for", "break", "continue", "if", "increment", "raw", "unless", "#"];

    private static readonly ReportTemplateParser Parser = new();

    /// <summary>Parses a template, or says in Vietnamese what is wrong with it.</summary>
    public static IFluidTemplate Parse(string text, TemplateLimits? limits = null)
    {
        limits ??= TemplateLimits.Default;
        if (text.Length > limits.MaxTemplateChars)
            throw new TemplateException($"Mẫu báo cáo dài {VnFormat.Number(text.Length)} ký tự, quá giới hạn {VnFormat.Number(limits.MaxTemplateChars)} ký tự (template too long)");
        if (TemplateNesting.TooDeep(text, limits.MaxNesting) is { } where)
            throw new TemplateException($"Mẫu báo cáo lồng nhau quá {limits.MaxNesting} tầng ({where}) (nested too deeply)");
        // The marks are the renderer's own: a template cannot bring them in.
        text = TextMarks.Strip(text);
        if (Parser.TryParse(text, out var template, out var error)) return template;
        var unknown = System.Text.RegularExpressions.Regex.Match(error ?? "", @"Unknown tag '([^']*)'");
        if (unknown.Success)
        {
            var tag = unknown.Groups[1].Value;
            var why = tag is "include" or "render" ? "mẫu báo cáo không được đọc tệp khác trên máy chủ" : "GNBV không dùng thẻ này";
            throw new TemplateException($"Mẫu báo cáo dùng thẻ {{% {tag} %}} không được phép: {why}; các thẻ dùng được: {string.Join(", ", Tags)} ({error})");
        }
        throw new TemplateException($"Mẫu báo cáo không hợp lệ (invalid Liquid template): {error}");
    }

    /// <summary>
    /// Renders a parsed template over a model: values marked as text (<see cref="TextMarks"/>),
    /// within the limits. Cancelling <paramref name="ct"/> (the client went away) stops it with
    /// <see cref="OperationCanceledException"/>; every limit, the time budget included, is a
    /// <see cref="TemplateException"/> naming it.
    /// </summary>
    public static async Task<string> RenderAsync(IFluidTemplate template, object model, TemplateLimits? limits = null, CancellationToken ct = default)
    {
        limits ??= TemplateLimits.Default;
        ct.ThrowIfCancellationRequested();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.TimeBudget);
        var budget = new RenderBudget(limits, timeout.Token);
        var context = new TemplateContext(model, Options(limits)) { MaxSteps = limits.MaxSteps };
        context.AmbientValues[RenderBudget.Key] = budget;
        // A loop that writes nothing never reaches the writer: dropping the step limit to one stops
        // it at its next step (Fluid checks MaxSteps on every loop iteration).
        using var stop = timeout.Token.Register(() => context.MaxSteps = 1);
        using var writer = new BoundedWriter(budget);
        try
        {
            await template.RenderAsync(writer, TextMarkEncoder.Instance, context);
            return writer.ToString();
        }
        catch (Exception e) when (e is not TemplateException && timeout.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested();
            throw new TemplateException($"Mẫu báo cáo chạy quá {VnFormat.Number((decimal)limits.TimeBudget.TotalSeconds, 3)} giây (template ran out of time)");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("maximum level of recursion", StringComparison.Ordinal))
        {
            // Fluid's message for MaxSteps speaks of recursion; here it is a loop.
            throw new TemplateException($"Mẫu báo cáo chạy quá {VnFormat.Number(limits.MaxSteps)} bước lặp (template loops too long)");
        }
        catch (Exception e) when (e is not (TemplateException or OperationCanceledException or OutOfMemoryException))
        {
            throw new TemplateException($"Mẫu báo cáo lỗi khi lập báo cáo: {e.Message} (template failed to render)");
        }
    }

    private static readonly Dictionary<TemplateLimits, TemplateOptions> OptionsByLimits = [];

    private static TemplateOptions Options(TemplateLimits limits)
    {
        lock (OptionsByLimits)
        {
            if (OptionsByLimits.TryGetValue(limits, out var known)) return known;
            var options = new TemplateOptions
            {
                MemberAccessStrategy = new UnsafeMemberAccessStrategy(),
                CultureInfo = CultureInfo.InvariantCulture,
                MaxSteps = limits.MaxSteps,
                MaxRecursion = 10,
                StrictFilters = true,
            };
            options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
            // Every filter's result counts against the budget (`append` doubling a string in a loop
            // would otherwise fill the memory without writing a character), and `raw` does not
            // unmark a value: what officers typed stays text whatever the template does with it.
            foreach (var (name, filter) in options.Filters.ToList())
                options.Filters.AddFilter(name, name == "raw" ? (input, _, _) => new ValueTask<FluidValue>(input) : Bounded(filter));
            return OptionsByLimits[limits] = options;
        }
    }

    private static FilterDelegate Bounded(FilterDelegate filter) => async (input, arguments, context) =>
    {
        var budget = RenderBudget.Of(context);
        budget.Check();
        var result = await filter(input, arguments, context);
        budget.CheckValue(result);
        return result;
    };

    /// <summary>Fluid's parser without the tags GNBV does not allow, with ranges and captures bounded.</summary>
    private sealed class ReportTemplateParser : FluidParser
    {
        public ReportTemplateParser()
        {
            foreach (var tag in RegisteredTags.Keys.Except(Tags).ToList()) RegisteredTags.Remove(tag);
            Primary.Parser = Primary.Parser!.Then<Expression>(e => e is RangeExpression r ? new BoundedRange(r.From, r.To) : e);
            RegisteredTags["for"] = RegisteredTags["for"].Then<Statement>(s => s is ForStatement { Source: RangeExpression r } f
                ? new ForStatement(f.Statements, f.Identifier, new BoundedRange(r.From, r.To), f.Limit, f.Offset, f.Reversed, f.Else)
                : s);
            RegisteredTags["capture"] = RegisteredTags["capture"].Then<Statement>(s => s is CaptureStatement c ? new BoundedCapture(c) : s);
        }
    }

    /// <summary>A range <c>(a..b)</c>: Fluid makes every item before the loop starts, so (1..100000000) took 5 GB before its first step.</summary>
    private sealed class BoundedRange(Expression from, Expression to) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var first = (await from.EvaluateAsync(context)).ToNumberValue();
            var last = (await to.EvaluateAsync(context)).ToNumberValue();
            var limits = RenderBudget.Of(context).Limits;
            if (last - first >= limits.MaxRangeItems)
                throw new TemplateException($"Mẫu báo cáo dùng khoảng ({VnFormat.Number(first)}..{VnFormat.Number(last)}) quá {VnFormat.Number(limits.MaxRangeItems)} phần tử (range too large)");
            return await new RangeExpression(from, to).EvaluateAsync(context);
        }
    }

    /// <summary><c>{% capture %}</c> into a buffer that counts against the budget (Fluid's own buffer is unbounded).</summary>
    private sealed class BoundedCapture(CaptureStatement capture) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            using var buffer = new BoundedWriter(RenderBudget.Of(context));
            var completion = Completion.Normal;
            foreach (var statement in capture.Statements)
            {
                completion = await statement.WriteToAsync(buffer, encoder, context);
                if (completion != Completion.Normal) break;
            }
            // As Fluid does: the captured text is not encoded again (its values are already marked).
            context.SetValue(capture.Identifier, new StringValue(buffer.ToString(), false));
            return completion;
        }
    }
}

/// <summary>What one rendering has spent: characters written anywhere, and its time (the token).</summary>
internal sealed class RenderBudget(TemplateLimits limits, CancellationToken token)
{
    public const string Key = "gnbv.budget";
    private long _written;

    public TemplateLimits Limits { get; } = limits;

    public static RenderBudget Of(TemplateContext context) => (RenderBudget)context.AmbientValues[Key];

    public void Check() => token.ThrowIfCancellationRequested();

    public void Add(int chars)
    {
        token.ThrowIfCancellationRequested();
        _written += chars;
        if (_written > Limits.MaxOutputChars) throw TooMuch();
    }

    public void CheckValue(FluidValue value)
    {
        var size = value switch
        {
            StringValue s => s.ToStringValue().Length,
            ArrayValue a => a.Values.Count,
            _ => 0,
        };
        if (size > Limits.MaxOutputChars) throw TooMuch();
    }

    private TemplateException TooMuch() =>
        new($"Mẫu báo cáo viết ra quá {VnFormat.Number(Limits.MaxOutputChars)} ký tự (template output too large)");
}

/// <summary>A string writer that counts against the budget.</summary>
internal sealed class BoundedWriter(RenderBudget budget) : StringWriter(new StringBuilder(), CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        budget.Add(1);
        base.Write(value);
    }

    public override void Write(string? value)
    {
        budget.Add(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        budget.Add(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        budget.Add(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(StringBuilder? value)
    {
        budget.Add(value?.Length ?? 0);
        base.Write(value);
    }
}
