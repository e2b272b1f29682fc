using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Gnbv.Data.Backup;

/// <summary>
/// How one value travels: read from the database as the provider stores it, turned into the
/// model's value (the EF converter), written to JSON in a form that round-trips exactly (decimals
/// as JSON numbers, dates as ISO text, enums by name, bytes as base64), and back.
/// </summary>
public static class ColumnValues
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    public static object? Read(DbDataReader reader, int ordinal, BackupColumn column)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var t = column.ProviderType;
        object provider =
            t == typeof(string) ? reader.GetString(ordinal)
            : t == typeof(int) ? reader.GetInt32(ordinal)
            : t == typeof(long) ? reader.GetInt64(ordinal)
            : t == typeof(short) ? reader.GetInt16(ordinal)
            : t == typeof(byte) ? reader.GetByte(ordinal)
            : t == typeof(bool) ? reader.GetBoolean(ordinal)
            : t == typeof(decimal) ? reader.GetDecimal(ordinal)
            : t == typeof(double) ? reader.GetDouble(ordinal)
            : t == typeof(float) ? reader.GetFloat(ordinal)
            : t == typeof(DateTime) ? reader.GetDateTime(ordinal)
            : t == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(ordinal)
            : t == typeof(TimeOnly) ? reader.GetFieldValue<TimeOnly>(ordinal)
            : t == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal)
            : t == typeof(TimeSpan) ? reader.GetFieldValue<TimeSpan>(ordinal)
            : t == typeof(Guid) ? reader.GetGuid(ordinal)
            : t == typeof(byte[]) ? reader.GetFieldValue<byte[]>(ordinal)
            : throw new BackupException($"cột {column.Name}: kiểu {t.Name} chưa được sao lưu (the backup does not handle this column type yet)");
        return column.Mapping.Converter is { } converter ? converter.ConvertFromProvider(provider) : provider;
    }

    public static void Write(Utf8JsonWriter json, object? value, BackupColumn column)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case int or long or short or byte or sbyte or ushort or uint: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case decimal m: json.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double d: json.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case float f: json.WriteStringValue(f.ToString("R", CultureInfo.InvariantCulture)); break;
            // The kind is not written: every timestamp the system stores is UTC (see the restore).
            case DateTime dt: json.WriteStringValue(dt.ToString(DateTimeFormat, CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: json.WriteStringValue(t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset o: json.WriteStringValue(o.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeSpan ts: json.WriteStringValue(ts.ToString("c", CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: throw new BackupException($"cột {column.Name}: kiểu {value.GetType().Name} chưa được sao lưu (the backup does not handle this value type yet)");
        }
    }

    /// <summary>The model's value from the archive, ready for the target column (timestamps UTC where the column keeps a zone).</summary>
    public static object? Parse(JsonElement element, BackupColumn column)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return column.IsNullable ? null : throw new FormatException("trống nhưng cột bắt buộc (null in a required column)");
        var t = column.ModelType;
        if (t.IsEnum) return Enum.Parse(t, element.GetString()!);
        if (t == typeof(string)) return element.GetString();
        if (t == typeof(bool)) return element.GetBoolean();
        if (t == typeof(int)) return element.GetInt32();
        if (t == typeof(long)) return element.GetInt64();
        if (t == typeof(short)) return element.GetInt16();
        if (t == typeof(byte)) return element.GetByte();
        if (t == typeof(decimal)) return element.GetDecimal();
        if (t == typeof(double)) return element.ValueKind == JsonValueKind.String ? double.Parse(element.GetString()!, CultureInfo.InvariantCulture) : element.GetDouble();
        if (t == typeof(float)) return element.ValueKind == JsonValueKind.String ? float.Parse(element.GetString()!, CultureInfo.InvariantCulture) : element.GetSingle();
        if (t == typeof(DateTime))
        {
            var dt = DateTime.ParseExact(element.GetString()!, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
            return DateTime.SpecifyKind(dt, column.StoreType.StartsWith("timestamp with time zone", StringComparison.OrdinalIgnoreCase) ? DateTimeKind.Utc : DateTimeKind.Unspecified);
        }
        if (t == typeof(DateOnly)) return DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (t == typeof(TimeOnly)) return TimeOnly.ParseExact(element.GetString()!, "HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        if (t == typeof(DateTimeOffset)) return DateTimeOffset.ParseExact(element.GetString()!, "O", CultureInfo.InvariantCulture);
        if (t == typeof(TimeSpan)) return TimeSpan.ParseExact(element.GetString()!, "c", CultureInfo.InvariantCulture);
        if (t == typeof(Guid)) return Guid.ParseExact(element.GetString()!, "D");
        if (t == typeof(byte[])) return element.GetBytesFromBase64();
        throw new FormatException($"kiểu {t.Name} chưa được khôi phục (type not handled)");
    }

    /// <summary>The value as the target provider stores it (through the column's EF converter, if any).</summary>
    public static object? ToProvider(object? value, BackupColumn column) =>
        value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
}
