using Gnbv.Domain;
using Gnbv.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Imports;

/// <summary>Upserts validation rules by code; expressions are parsed before they are stored.</summary>
internal static class ValidationRuleImport
{
    public const string Section = "validationRules";
    public static readonly string[] Kinds = ["expression", "parts-within-total", "disbursed-within-allocated", "period-jump", "document-dates", "unit-vs-subunits"];
    public static readonly string[] Severities = ["error", "warning", "info"];

    public static async Task ApplyAsync(ImportContext ctx, List<ValidationRuleRow> rows, CancellationToken ct)
    {
        var counts = ctx.Result.For(Section);
        var existing = await ctx.Db.ValidationRules.ToDictionaryAsync(r => r.Code, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ctx.At(Section, i, row);
            var code = ctx.Required("code", row.Code);
            var name = ctx.Required("name", row.Name);
            var message = ctx.Required("message", row.Message);
            var kind = ctx.Required("kind", row.Kind);
            if (kind is not null && !Kinds.Contains(kind)) ctx.Error("kind", $"'{kind}' không có; dùng: {string.Join(", ", Kinds)}");
            var severity = row.Severity ?? "warning";
            if (!Severities.Contains(severity)) ctx.Error("severity", $"'{severity}' không có; dùng: {string.Join(", ", Severities)}");
            if (kind == "expression")
            {
                foreach (var (field, text) in new[] { ("left", row.Left), ("right", row.Right) })
                {
                    if (ctx.Required(field, text) is not { } t) continue;
                    try { RuleExpression.Operands(t); }
                    catch (DomainException e) { ctx.Error(field, e.Message); }
                }
                try { RuleExpression.Holds(1, ctx.Required("operator", row.Operator) ?? "==", 1, 0); }
                catch (DomainException e) { ctx.Error("operator", e.Message); }
            }
            if (code is null || name is null || message is null || kind is null || ctx.Duplicate(seen, code, "code")) continue;
            if (!existing.TryGetValue(code, out var rule))
            {
                rule = new ValidationRule { Code = code, Name = name, Kind = kind, Message = message };
                ctx.Db.ValidationRules.Add(rule);
                existing[code] = rule;
                counts.Created++;
            }
            else counts.Updated++;
            rule.Name = name;
            rule.Kind = kind;
            rule.Severity = severity;
            rule.Left = row.Left;
            rule.Operator = row.Operator;
            rule.Right = row.Right;
            rule.Tolerance = row.Tolerance;
            rule.Parameters = row.Parameters;
            rule.Message = message;
            rule.PeriodTypes = row.PeriodTypes;
            rule.Enabled = row.Enabled ?? true;
        }
        await ctx.Db.SaveChangesAsync(ct);
    }
}
