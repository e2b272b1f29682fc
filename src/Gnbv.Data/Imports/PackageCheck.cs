using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Gnbv.Domain.Formatting;

namespace Gnbv.Data.Imports;

/// <summary>Marks a field of an import row that holds a code (its own or one it refers to): checked by <see cref="TextCheck.Code"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CodeAttribute : Attribute;

/// <summary>
/// What every package is checked for before a row is applied, whichever way it came (a JSON body, a
/// JSON or CSV file, a page's form, the CLI): no null row, no control character in any text, no
/// invisible or bidi character in a code. One error per field, naming the section, row and field.
/// </summary>
public static class PackageCheck
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, bool Code)[]> Fields = new();

    public static List<ImportError> Errors(ImportPackage package)
    {
        var errors = new List<ImportError>();
        if (TextCheck.FreeText(package.Reason) is { } reason) errors.Add(new ImportError("reason", 0, null, "reason", $"Lý do (reason) {reason}"));
        foreach (var section in typeof(ImportPackage).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>)))
        {
            if (section.GetValue(package) is not IList rows) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(section.Name);
            for (var i = 0; i < rows.Count && errors.Count < 100; i++)
            {
                if (rows[i] is not { } row)
                {
                    errors.Add(new ImportError(name, i, null, "*", $"dòng {i} là null, cần một đối tượng (null row)"));
                    continue;
                }
                var line = (row as ImportRow)?.Line;
                Check(row, name, i, line, "", errors);
            }
        }
        return errors;
    }

    private static void Check(object row, string section, int index, int? line, string prefix, List<ImportError> errors)
    {
        foreach (var (property, field, code) in Fields.GetOrAdd(row.GetType(), Describe))
        {
            switch (property.GetValue(row))
            {
                case string text when (code ? TextCheck.Code(text) : TextCheck.FreeText(text)) is { } problem:
                    errors.Add(new ImportError(section, index, line, prefix + field, problem));
                    break;
                case IList list:
                    for (var j = 0; j < list.Count; j++)
                        if (list[j] is string s && (code ? TextCheck.Code(s) : TextCheck.FreeText(s)) is { } p)
                            errors.Add(new ImportError(section, index, line, $"{prefix}{field}[{j}]", p));
                        else if (list[j] is { } nested and not string && nested.GetType().Namespace?.StartsWith("Gnbv.", StringComparison.Ordinal) == true)
                            Check(nested, section, index, line, $"{prefix}{field}[{j}].", errors);
                    break;
            }
        }
    }

    private static (PropertyInfo, string, bool)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.PropertyType == typeof(string) || typeof(IList).IsAssignableFrom(p.PropertyType)))
            .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetCustomAttribute<CodeAttribute>() is not null))
            .ToArray();
}
