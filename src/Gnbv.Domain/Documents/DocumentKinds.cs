namespace Gnbv.Domain.Documents;

public static class DocumentKinds
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["QD"] = "Quyết định",
        ["KH"] = "Kế hoạch",
        ["CV"] = "Công văn",
        ["TB"] = "Thông báo",
        ["BC"] = "Báo cáo",
        ["NQ"] = "Nghị quyết",
        ["ND"] = "Nghị định",
        ["TT"] = "Thông tư",
        ["CT"] = "Chỉ thị",
        ["HD"] = "Hướng dẫn",
    };
}
