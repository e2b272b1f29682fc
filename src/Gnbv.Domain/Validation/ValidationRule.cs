namespace Gnbv.Domain.Validation;

/// <summary>
/// A validation rule as data, in the spirit of DHIS2's: left expression, operator, right expression,
/// severity, message; or one of the built-in kinds that an expression cannot say.
/// </summary>
public class ValidationRule
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>expression | parts-within-total | disbursed-within-allocated | period-jump | document-dates | unit-vs-subunits</summary>
    public required string Kind { get; set; }

    /// <summary>error | warning | info</summary>
    public string Severity { get; set; } = "warning";
    public string? Left { get; set; }

    /// <summary>== != &lt; &lt;= &gt; &gt;= ~= (equal within Tolerance, relative) multiple-of (Left a positive multiple of Right, within Tolerance)</summary>
    public string? Operator { get; set; }
    public string? Right { get; set; }
    public decimal? Tolerance { get; set; }

    /// <summary>Kind-specific: the parts (poor,near-poor), the jump factor (3)...</summary>
    public string? Parameters { get; set; }
    public required string Message { get; set; }

    /// <summary>Comma-separated period types the rule applies to (SixMonthly,Yearly); empty: all.</summary>
    public string? PeriodTypes { get; set; }
    public bool Enabled { get; set; } = true;
}
