using System.Text.RegularExpressions;
using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Validation;

/// <summary>One figure a violation rests on.</summary>
public sealed record ViolationValue(string Ref, string? DataElement, string? Disaggregation, string OrgUnit, string Period, decimal Value);

/// <summary>A broken rule: which, how bad, why, where, and the values involved.</summary>
public sealed record Violation(string Rule, string Severity, string Message, string Unit, string Period, IReadOnlyList<ViolationValue> Values);

/// <summary>Runs the enabled rules over the rolled-up figures of a unit and period.</summary>
public sealed partial class Validator(AppDbContext db, UnitTree tree, ValueRollup rollup, ValueExporter exporter)
{
    public async Task<List<Violation>> RunAsync(OrgUnit unit, Period period, CancellationToken ct = default)
    {
        var export = await exporter.ExportAsync(unit, period, ct);
        var rules = (await db.ValidationRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Code).ToListAsync(ct))
            .Where(r => string.IsNullOrWhiteSpace(r.PeriodTypes) || r.PeriodTypes.Split(',').Any(t => t.Trim().Equals(period.Type.ToString(), StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var values = export.DataValues.ToDictionary(v => (v.DataElement, v.Disaggregation));
        var violations = new List<Violation>();
        Violation Make(ValidationRule rule, string message, IEnumerable<ViolationValue> involved) =>
            new(rule.Code, rule.Severity, message, unit.Code, period.Id, involved.ToList());

        foreach (var rule in rules)
        {
            switch (rule.Kind)
            {
                case "expression":
                    var involved = new List<ViolationValue>();
                    decimal? Resolve(Operand o)
                    {
                        decimal? v = o.Kind switch
                        {
                            '#' => values.TryGetValue((o.Code, o.Disaggregation), out var x) ? x.Value : null,
                            'T' => export.Targets.FirstOrDefault(t => t.DataElement == o.Code && t.Disaggregation == o.Disaggregation)?.Value,
                            'B' => export.Capital.FirstOrDefault(c => c.ProgramItem == o.Code)?.Total is { } b ? b / 1_000_000m : null,
                            'D' => export.Capital.FirstOrDefault(c => c.ProgramItem == o.Code)?.Disbursed is { } d ? d / 1_000_000m : null,
                            _ => null,
                        };
                        if (v is { } value && involved.All(i => i.Ref != o.ToString()))
                            involved.Add(new ViolationValue(o.ToString(), o.Kind is '#' or 'T' ? o.Code : null, o.Kind is '#' or 'T' ? o.Disaggregation : null, unit.Code,
                                o.Kind == 'T' ? period.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : period.Id, value));
                        return v;
                    }
                    var left = RuleExpression.Evaluate(rule.Left!, Resolve);
                    var right = RuleExpression.Evaluate(rule.Right!, Resolve);
                    if (left is null || right is null) break;
                    if (!RuleExpression.Holds(left.Value, rule.Operator!, right.Value, rule.Tolerance ?? 0))
                        violations.Add(Make(rule, Format(rule.Message, left.Value, right.Value, ""), involved));
                    break;

                case "parts-within-total":
                    var parts = (rule.Parameters ?? "poor,near-poor").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    foreach (var g in export.DataValues.GroupBy(v => v.DataElement))
                    {
                        var total = g.FirstOrDefault(v => v.Disaggregation == Disaggregation.TotalCode);
                        var found = g.Where(v => parts.Contains(v.Disaggregation)).OrderBy(v => Array.IndexOf(parts, v.Disaggregation)).ToList();
                        if (total is null || found.Count == 0) continue;
                        var sum = found.Sum(v => v.Value);
                        if (sum > total.Value)
                            violations.Add(Make(rule, Format(rule.Message, sum, total.Value, total.Name),
                                found.Append(total).Select(v => Involved(v, unit, period))));
                    }
                    break;

                case "disbursed-within-allocated":
                    foreach (var c in export.Capital.Where(c => c.Disbursed > c.Total))
                        violations.Add(Make(rule, Format(rule.Message, c.Disbursed / 1_000_000m, c.Total / 1_000_000m, $"{c.ProgramItem} {c.Name}"),
                            [new ViolationValue($"D{{{c.ProgramItem}}}", null, null, unit.Code, period.Id, c.Disbursed), new ViolationValue($"B{{{c.ProgramItem}}}", null, null, unit.Code, period.Id, c.Total)]));
                    break;

                case "period-jump":
                    var factor = decimal.TryParse(rule.Parameters, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 1 ? f : 3m;
                    if (period.Previous() is not { } previous) break;
                    var before = (await exporter.ExportAsync(unit, previous, ct)).DataValues.ToDictionary(v => (v.DataElement, v.Disaggregation));
                    foreach (var v in export.DataValues)
                    {
                        if (!before.TryGetValue((v.DataElement, v.Disaggregation), out var old) || old.Value <= 0 || v.Value <= 0) continue;
                        var ratio = v.Value / old.Value;
                        if (ratio > factor || ratio < 1 / factor)
                            violations.Add(Make(rule, Format(rule.Message, v.Value, old.Value, v.Name),
                                [Involved(v, unit, period), new ViolationValue($"#{{{old.DataElement}.{old.Disaggregation}}}", old.DataElement, old.Disaggregation, unit.Code, previous.Id, old.Value)]));
                    }
                    break;

                case "document-dates":
                    violations.AddRange(await DocumentDatesAsync(unit, period, rule, ct));
                    break;

                case "unit-vs-subunits":
                    violations.AddRange(await UnitVsSubunitsAsync(unit, period, rule, ct));
                    break;
            }
        }
        return violations;
    }

    private static ViolationValue Involved(ExportValue v, OrgUnit unit, Period period) =>
        new($"#{{{v.DataElement}.{v.Disaggregation}}}", v.DataElement, v.Disaggregation, unit.Code, period.Id, v.Value);

    private static string Format(string message, decimal left, decimal right, string detail) => message
        .Replace("{left}", VnFormat.Number(left, 2), StringComparison.Ordinal)
        .Replace("{right}", VnFormat.Number(right, 2), StringComparison.Ordinal)
        .Replace("{detail}", detail, StringComparison.Ordinal);

    /// <summary>
    /// Documents of the unit's subtree cited up to the period's end whose date cannot be right: dated
    /// before the program phase they name, or before the year their subject is about by more than a
    /// planning horizon (a document of April 2022 guiding "năm 2023").
    /// </summary>
    private async Task<List<Violation>> DocumentDatesAsync(OrgUnit unit, Period period, ValidationRule rule, CancellationToken ct)
    {
        var ids = await tree.RollupUnitIdsAsync(unit, ct);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.IssuerUnitId != null && ids.Contains(d.IssuerUnitId.Value) && d.IssuedOn <= period.End)
            .ToListAsync(ct);
        var result = new List<Violation>();
        foreach (var d in documents)
        {
            string? problem = null;
            var phase = PhasePattern().Match(d.Subject);
            if (phase.Success && int.Parse(phase.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var phaseStart && d.IssuedOn.Year < phaseStart)
                problem = $"ban hành {VnFormat.Date(d.IssuedOn)}, trước giai đoạn {phase.Value} mà văn bản nói tới";
            else if (YearPattern().Matches(d.Subject).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Where(y => y > d.IssuedOn.Year).ToList() is { Count: > 0 } later
                     && d.IssuedOn.Month < 10)
                problem = $"ban hành {VnFormat.Date(d.IssuedOn)} nhưng hướng dẫn cho năm {later.Max()}";
            if (problem is null) continue;
            result.Add(new Violation(rule.Code, rule.Severity, rule.Message.Replace("{detail}", $"{d.Number}: {problem}", StringComparison.Ordinal),
                unit.Code, period.Id, [new ViolationValue($"document:{d.Number}", null, null, unit.Code, VnFormat.Date(d.IssuedOn), d.IssuedOn.Year)]));
        }
        return result;
    }

    /// <summary>A sum-type figure entered at a unit's own level that differs from the sum of its units below.</summary>
    private async Task<List<Violation>> UnitVsSubunitsAsync(OrgUnit unit, Period period, ValidationRule rule, CancellationToken ct)
    {
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).ToListAsync(ct);
        if (children.Count == 0) return [];
        var own = await db.DataValues.AsNoTracking()
            .Where(v => v.OrgUnitId == unit.Id && v.Period!.Code == period.Id && v.Indicator!.Aggregation == AggregationType.Sum)
            .Select(v => new { Code = v.Indicator!.Code, v.IndicatorId, v.DisaggregationId, Dis = v.Disaggregation!.Code, v.Value })
            .ToListAsync(ct);
        if (own.Count == 0) return [];
        var sums = new Dictionary<(int, int), decimal>();
        foreach (var child in children)
            foreach (var v in await rollup.ComputeAsync(child, period, ct))
                sums[(v.IndicatorId, v.DisaggregationId)] = sums.GetValueOrDefault((v.IndicatorId, v.DisaggregationId)) + v.Value;
        var result = new List<Violation>();
        foreach (var v in own)
        {
            if (!sums.TryGetValue((v.IndicatorId, v.DisaggregationId), out var sum) || sum == v.Value) continue;
            result.Add(new Violation(rule.Code, rule.Severity, Format(rule.Message, v.Value, sum, v.Code), unit.Code, period.Id,
                [new ViolationValue($"#{{{v.Code}.{v.Dis}}}", v.Code, v.Dis, unit.Code, period.Id, v.Value),
                 new ViolationValue($"Σ #{{{v.Code}.{v.Dis}}}", v.Code, v.Dis, string.Join(",", children.Select(c => c.Code)), period.Id, sum)]));
        }
        return result;
    }

    [GeneratedRegex(@"(20\d\d)\s*[-–]\s*20\d\d")]
    private static partial Regex PhasePattern();

    [GeneratedRegex(@"năm (20\d\d)")]
    private static partial Regex YearPattern();
}
