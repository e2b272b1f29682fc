using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gnbv.Data.Imports;

/// <summary>A JSON input refused for its content (a control character, a wrong token); STJ adds the path.</summary>
public sealed class JsonInputException(string message) : JsonException(message);

/// <summary>
/// How every JSON input is read, by the web API and by the package reader of the file importer and
/// the CLI alike: a field the target does not have is refused (a misspelt "vaule" was ignored, and
/// the row then deleted the stored value), so is a key given twice (the second silently won, or a
/// second "dataValues" dropped the first array), and every string passes the one text check.
/// </summary>
public static class JsonInput
{
    /// <summary>Makes <paramref name="options"/> strict for reading; writing is unchanged.</summary>
    public static JsonSerializerOptions Strict(this JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        if (!options.Converters.OfType<NfcStringConverter>().Any()) options.Converters.Add(new NfcStringConverter());
        return options;
    }
}

/// <summary>Says what is wrong with a JSON input, in Vietnamese, naming the JSON path.</summary>
public static class JsonProblem
{
    /// <summary>The path ("$.dataValues[0].vaule") and the reason of <paramref name="e"/>.</summary>
    public static (string Path, string Message) Describe(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        var where = e.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {e.BytePositionInLine + 1})" : "";
        if (e is JsonInputException) return (path, $"{path}: {e.Message}{where}");
        if (IsSyntax(e))
            return (path, $"JSON không hợp lệ ở {(e.LineNumber is { } l ? $"dòng (line) {l + 1}, vị trí {e.BytePositionInLine + 1}" : "")} (sai cú pháp hoặc bị cắt cụt; malformed JSON): {e.Message}");
        var name = LastName(path);
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return (path, $"{path}: trường '{name}' không có ở đây; kiểm tra lỗi chính tả (unknown field){where}");
        if (e.Message.Contains("uplicate", StringComparison.Ordinal))
            return (path, $"{path}: trường '{name}' xuất hiện hai lần; mỗi trường chỉ ghi một lần (duplicate key){where}");
        return (path, $"{path}: giá trị sai kiểu (wrong type){where}: {e.Message}");
    }

    /// <summary>The reader's own error (bad syntax, cut short), as opposed to content the target refuses.</summary>
    public static bool IsSyntax(JsonException e) => e.InnerException?.GetType().Name == "JsonReaderException" || e.GetType().Name == "JsonReaderException";

    private static string LastName(string path)
    {
        var p = path.TrimEnd(']');
        if (path.EndsWith("']", StringComparison.Ordinal) && path.LastIndexOf("['", StringComparison.Ordinal) is var q and >= 0)
            return path[(q + 2)..^2];
        var dot = p.LastIndexOf('.');
        return dot >= 0 ? p[(dot + 1)..] : p;
    }

    public static string Token(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "một số",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.StartObject => "một đối tượng {}",
        JsonTokenType.StartArray => "một mảng []",
        _ => token.ToString(),
    };
}

/// <summary>
/// Finds a null where the target needs a value: a row of an array (<c>"dataValues":[null]</c>), an
/// entry of an object, or a property declared non-nullable (<c>"dataValues":null</c>). Each was a
/// 500 on every write endpoint and an abort of <c>gnbv import</c>; now the input is refused naming it.
/// Walks the objects of GNBV's own types only, as deserialized.
/// </summary>
public static class NullFields
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, bool Nullable)[]> Properties = new();

    /// <summary>Null when nothing is missing, else the JSON path and the reason.</summary>
    public static (string Path, string Message)? Find(object? root, string path = "$") =>
        root is null ? (path, $"{path}: là null hoặc trống, cần một giá trị (null where a value is required)") : Walk(root, path, 0);

    private static (string Path, string Message)? Walk(object value, string path, int depth)
    {
        if (depth > 16 || value is string) return null;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var at = $"{path}['{entry.Key}']";
                if (entry.Value is null) return (at, $"{at}: là null, cần một giá trị (null entry)");
                if (Walk(entry.Value, at, depth + 1) is { } found) return found;
            }
            return null;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                var at = $"{path}[{i}]";
                if (item is null) return (at, $"{at}: dòng {i} là null, cần một đối tượng hoặc giá trị (null row)");
                if (Walk(item, at, depth + 1) is { } found) return found;
                i++;
            }
            return null;
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("Gnbv.", StringComparison.Ordinal) != true) return null;
        foreach (var (property, name, nullable) in Properties.GetOrAdd(type, Describe))
        {
            var v = property.GetValue(value);
            var at = $"{path}.{name}";
            if (v is null)
            {
                if (!nullable) return (at, $"{at}: là null hoặc thiếu, cần một giá trị (null where a value is required)");
                continue;
            }
            if (Walk(v, at, depth + 1) is { } found) return found;
        }
        return null;
    }

    private static (PropertyInfo, string, bool)[] Describe(Type type)
    {
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && !p.PropertyType.IsValueType
                && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), context.Create(p).ReadState != NullabilityState.NotNull))
            .ToArray();
    }
}
