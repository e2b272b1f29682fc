using System.Diagnostics;
using Gnbv.Reports;
using Gnbv.Reports.Templating;

namespace Gnbv.IntegrationTests.Reports;

/// <summary>
/// The bounds of a report template, without a database: each hostile template of issue 15 stops
/// with a <see cref="TemplateException"/> naming its limit. The only clocks guard against a hang
/// (a generous upper bound), never a speed the test depends on.
/// </summary>
public class TemplateLimitsTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static async Task<(TemplateException Error, TimeSpan Took, long Allocated)> FailsAsync(string template, TemplateLimits? limits = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = await Should.ThrowAsync<TemplateException>(async () =>
            await TemplateEngine.RenderAsync(TemplateEngine.Parse(template, limits), new { unit = new { name = "Bảo Lâm" } }, limits, ct));
        var took = watch.Elapsed;
        took.ShouldBeLessThan(Hang);
        return (error, took, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task NestedLoopsOf20000By20000_StopAtTheStepLimit()
    {
        var (error, _, _) = await FailsAsync("{% for a in (1..9999) %}{% for b in (1..9999) %}{% endfor %}{% endfor %}");
        error.Message.ShouldContain("200.000 bước lặp");
    }

    [Fact]
    public async Task ARangeOfAHundredMillion_IsRefusedBeforeItsItemsAreMade()
    {
        // Fluid makes a range's items before the first step: this one took 5 GB and 40 s.
        var (error, _, allocated) = await FailsAsync("{% for a in (1..100000000) %}x{% endfor %}");
        error.Message.ShouldContain("quá 10.000 phần tử");
        allocated.ShouldBeLessThan(50_000_000);
        (await FailsAsync("{% assign n = 100000000 %}{% assign r = (1..n) %}{{ r | size }}")).Error.Message.ShouldContain("phần tử");
    }

    [Fact]
    public async Task AMillionLines_StopAtTheOutputLimit_WithoutFillingTheMemory()
    {
        var limits = TemplateLimits.Default with { MaxSteps = int.MaxValue };
        var (error, _, allocated) = await FailsAsync("{% for a in (1..9999) %}{% for b in (1..9999) %}dòng {{ a }} {{ b }} của báo cáo\n{% endfor %}{% endfor %}", limits);
        error.Message.ShouldContain("quá 2.000.000 ký tự");
        allocated.ShouldBeLessThan(200_000_000);
    }

    [Fact]
    public async Task AStringDoubledInALoop_StopsAtTheOutputLimit_ThoughNothingIsWritten()
    {
        var (error, _, allocated) = await FailsAsync("{% assign s = 'ab' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}");
        error.Message.ShouldContain("ký tự");
        allocated.ShouldBeLessThan(100_000_000);
    }

    [Fact]
    public async Task ACaptureOfALoop_CountsAgainstTheOutputLimit()
    {
        var limits = TemplateLimits.Default with { MaxOutputChars = 10_000 };
        var (error, _, _) = await FailsAsync("{% capture x %}{% for i in (1..5000) %}mười ký tự{% endfor %}{% endcapture %}{{ x.size }}", limits);
        error.Message.ShouldContain("quá 10.000 ký tự");
    }

    [Fact]
    public async Task ALoopPastItsTimeBudget_Stops_NamingTheBudget()
    {
        var limits = TemplateLimits.Default with { MaxSteps = int.MaxValue, MaxOutputChars = int.MaxValue, TimeBudget = TimeSpan.FromMilliseconds(200) };
        // 10^12 steps: no machine finishes them; the budget stops it at its next step.
        var (error, _, _) = await FailsAsync(
            "{% for a in (1..9999) %}{% for b in (1..9999) %}{% for c in (1..9999) %}{% endfor %}{% endfor %}{% endfor %}", limits);
        error.Message.ShouldContain("quá 0,2 giây");
    }

    [Fact]
    public async Task CancellingTheRequest_StopsTheTemplate()
    {
        var limits = TemplateLimits.Default with { MaxSteps = int.MaxValue, MaxOutputChars = int.MaxValue, TimeBudget = TimeSpan.FromHours(1) };
        using var client = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        await Should.ThrowAsync<OperationCanceledException>(async () => await TemplateEngine.RenderAsync(
            TemplateEngine.Parse("{% for a in (1..9999) %}{% for b in (1..9999) %}{% for c in (1..9999) %}{% endfor %}{% endfor %}{% endfor %}", limits),
            new { }, limits, client.Token));
        watch.Elapsed.ShouldBeLessThan(Hang);
    }

    [Theory]
    [InlineData("{% include 'secrets' %}", "include", "tệp khác trên máy chủ")]
    [InlineData("{% render 'x' %}", "render", "tệp khác trên máy chủ")]
    [InlineData("{% liquid\necho 1\n%}", "liquid", "không dùng thẻ này")]
    [InlineData("{% tablerow x in (1..3) %}{{ x }}{% endtablerow %}", "tablerow", "không dùng thẻ này")]
    [InlineData("{% bogus %}", "bogus", "không dùng thẻ này")]
    public void TagsOutsideTheAllowList_AreRefused_NamingTheTag(string template, string tag, string why)
    {
        var error = Should.Throw<TemplateException>(() => TemplateEngine.Parse(template));
        error.Message.ShouldContain($"{{% {tag} %}}");
        error.Message.ShouldContain(why);
    }

    [Fact]
    public void DeepNesting_IsRefusedBeforeTheParserOverflowsTheStack()
    {
        // 3.000 nested ifs overflowed the parser's stack: the process died, not the request.
        var deep = string.Concat(Enumerable.Repeat("{% if a %}", 3000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3000));
        Should.Throw<TemplateException>(() => TemplateEngine.Parse(deep, TemplateLimits.Default with { MaxTemplateChars = int.MaxValue }))
            .Message.ShouldContain("lồng nhau quá 30 tầng (dòng 1)");
        var brackets = "{{ a" + string.Concat(Enumerable.Repeat("[a", 5000)) + new string(']', 5000) + " }}";
        Should.Throw<TemplateException>(() => TemplateEngine.Parse(brackets)).Message.ShouldContain("lồng nhau");
        Should.Throw<TemplateException>(() => TemplateEngine.Parse(new string('x', 50_001))).Message.ShouldContain("quá giới hạn 50.000 ký tự");
    }

    [Fact]
    public async Task UnknownFilter_IsAnError_AndRawDoesNotUnmarkAValue()
    {
        (await FailsAsync("{{ unit.name | bogus }}")).Error.Message.ShouldContain("bogus");
        var text = await TemplateEngine.RenderAsync(TemplateEngine.Parse("# {{ unit.name | raw }}"), new { unit = new { name = "[[table:capital]]" } });
        text.ShouldBe($"# {TextMarks.Start}[[table:capital]]{TextMarks.End}");
    }

    [Fact]
    public void TheShippedTemplate_IsWithinTheLimits()
    {
        var shipped = ReportComposer.DefaultTemplate();
        Should.NotThrow(() => TemplateEngine.Parse(shipped));
        shipped.Length.ShouldBeLessThan(TemplateLimits.Default.MaxTemplateChars / 4);
    }
}
