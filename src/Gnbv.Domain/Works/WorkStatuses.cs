namespace Gnbv.Domain.Works;

/// <summary>The status codes of works in files and URLs, and their Vietnamese names in reports and pages.</summary>
public static class WorkStatuses
{
    public static string Code(WorkStatus status) => status switch
    {
        WorkStatus.UnderConstruction => "under-construction",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static IReadOnlyList<string> Codes { get; } = Enum.GetValues<WorkStatus>().Select(Code).ToList();

    public static string VietnameseName(string code) => code switch
    {
        "planned" => "chuẩn bị đầu tư",
        "bidding" => "đang tổ chức đấu thầu",
        "under-construction" => "đang thi công",
        "completed" => "đã hoàn thành",
        "suspended" => "tạm dừng",
        _ => code,
    };
}
