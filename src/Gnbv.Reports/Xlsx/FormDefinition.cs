using System.Reflection;
using System.Text.Json;

namespace Gnbv.Reports.Xlsx;

/// <summary>
/// A form of the workbook, as data (Forms/forms-tt10.json): which rows (indicators by target or code
/// prefix, program items, works) and which measure in each column. A new circular is a new file.
/// </summary>
public sealed record FormDefinition(string Code, string Title, string Kind, IReadOnlyList<string> Columns, FormRows? Rows = null, string? Unit = null);

public sealed record FormRows(bool WithTargets = false, string? CodePrefix = null, IReadOnlyList<string>? Indicators = null);

public sealed record FormSet(IReadOnlyList<FormDefinition> Forms)
{
    public static FormSet Default()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gnbv.Reports.Forms.forms-tt10.json")!;
        return JsonSerializer.Deserialize<FormSet>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
