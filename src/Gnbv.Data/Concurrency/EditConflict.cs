namespace Gnbv.Data.Concurrency;

/// <summary>
/// One record another user changed after this save read it: what it is, the version the save
/// expected, and what it holds now, by whom and when (the 409's body).
/// </summary>
public sealed record EditConflict(
    string Kind,
    string Key,
    int? ExpectedVersion,
    int CurrentVersion,
    string? CurrentValue,
    string? ChangedBy,
    DateTime? ChangedAt,
    string Message);

/// <summary>
/// A save refused because what it would overwrite changed since it was read (optimistic
/// concurrency): nothing of the save is written; the caller shows what changed and may retry.
/// </summary>
public sealed class EditConflictException(IReadOnlyList<EditConflict> conflicts)
    : Exception(conflicts.Count == 0
        ? "Dữ liệu vừa được người khác sửa, không ghi gì; tải lại rồi lưu lại (changed meanwhile)"
        : "Dữ liệu vừa được người khác sửa, không ghi gì: " + string.Join("; ", conflicts.Take(5).Select(c => c.Message)) + (conflicts.Count > 5 ? $"; và {conflicts.Count - 5} mục khác" : ""))
{
    public IReadOnlyList<EditConflict> Conflicts { get; } = conflicts;
}
