using Gnbv.Domain;

namespace Gnbv.Reports.Templating;

/// <summary>
/// What a report template may cost. A template is code that a unit stores and that every report
/// of the unit and the units below it runs, so each bound is checked while it runs: loop steps
/// (Fluid's MaxSteps), the items of a range, the characters written (output, captures and every
/// filter's result), nesting (the parser recurses, and too deep a template would overflow the
/// stack) and time (the request's cancellation and a budget of its own).
/// </summary>
/// <remarks>The shipped template is about 9.000 characters, nests 4 deep and renders a province in some thousand steps.</remarks>
public sealed record TemplateLimits(int MaxTemplateChars, int MaxNesting, int MaxSteps, int MaxRangeItems, int MaxOutputChars, TimeSpan TimeBudget)
{
    public static readonly TemplateLimits Default = new(
        MaxTemplateChars: 50_000, MaxNesting: 30, MaxSteps: 200_000, MaxRangeItems: 10_000, MaxOutputChars: 2_000_000, TimeBudget: TimeSpan.FromSeconds(5));
}

/// <summary>A template that cannot be used: it does not parse, uses a tag GNBV does not allow, or runs past a limit.</summary>
public sealed class TemplateException(string message) : DomainException(message);
