namespace Gnbv.Data.Households;

/// <summary>The layout of a list of support received: one row per support given to a household or a member.</summary>
public static class SupportColumns
{
    public static readonly IReadOnlyList<HouseholdColumn> All =
    [
        new("household_code", "Mã hộ", true, "bắt buộc"),
        new("commune", "Mã xã", true, "bắt buộc"),
        new("citizen_id", "Số CCCD", false, "thành viên được hỗ trợ; để trống nếu hỗ trợ cả hộ"),
        new("kind", "Loại hỗ trợ", true, "credit | electricity | health-insurance | medical-care | vocational-training | job-placement | work-abroad | housing-new | housing-repair | livelihood | relief-rice"),
        new("program_item", "Dự án, tiểu dự án", true, "mã: DA2, DA3.TDA1, DA5..."),
        new("funding_source", "Nguồn vốn", true, "mã: NSTW_SN, NSDP, TD_CS..."),
        new("amount", "Số tiền", true, "đồng"),
        new("quantity", "Số lượng", true, "kg gạo, số thẻ..."),
        new("date", "Ngày", true, "dd/MM/yyyy"),
        new("note", "Ghi chú", true, ""),
    ];

    public static string? KeyOf(string header) => HouseholdColumns.KeyOf(header, All);
}
