namespace Gnbv.Data.Imports;

/// <summary>One rejected row: where it is (section and index, or file line), which field, and why.</summary>
public sealed record ImportError(string Section, int Index, int? Line, string Field, string Message, bool Forbidden = false)
{
    public string Location => Line is { } line ? $"{Section} dòng (row) {line}" : $"{Section}[{Index}]";

    public override string ToString() => $"{Location}.{Field}: {Message}";
}

/// <summary>The import was rejected; nothing was written.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportError> errors)
    : Exception($"Nhập dữ liệu bị từ chối, không ghi gì (import rejected, nothing written): {errors.Count} lỗi. " + (errors.Count > 0 ? errors[0].ToString() : ""))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

/// <summary>The import names units (or metadata) the actor may not change; nothing was written.</summary>
public sealed class ImportForbiddenException(IReadOnlyList<ImportError> errors)
    : Exception("Không có quyền ghi dữ liệu này, không ghi gì (forbidden, nothing written): " + (errors.Count > 0 ? errors[0].ToString() : ""))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
