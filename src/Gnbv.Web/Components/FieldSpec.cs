namespace Gnbv.Web.Components;

public enum FieldKind
{
    Text,
    LongText,
    Integer,
    Money,
    Date,
    Bool,
    Select,
    List,
}

/// <summary>One input of a <see cref="SectionEditor"/>: its import field name, its label and its kind.</summary>
public sealed record FieldSpec(string Name, string Label, FieldKind Kind = FieldKind.Text, bool Required = false,
    IReadOnlyList<(string Value, string Text)>? Options = null, string? Default = null);
