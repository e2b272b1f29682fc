using System.Globalization;
using System.Text;

namespace Gnbv.Data.Households;

/// <summary>One column of the commune's household list: its Vietnamese header (as in the template) and an ASCII code.</summary>
public sealed record HouseholdColumn(string Key, string Header, bool HouseholdLevel, string Hint);

/// <summary>
/// The layout of the household list communes keep: one row per member, the household's fields on
/// its rows (repeated, or only on its first row), the census result of the round, and a column per
/// deprivation indicator (x = deprived). Headers are matched without diacritics or case, so
/// "Mã hộ", "MA HO" and "ma_ho" are the same column; the ASCII codes (<c>household_code</c>) work too.
/// </summary>
public static class HouseholdColumns
{
    public static readonly IReadOnlyList<HouseholdColumn> Household =
    [
        new("household_code", "Mã hộ", true, "bắt buộc; duy nhất trong xã"),
        new("commune", "Mã xã", true, "mã đơn vị hành chính của xã (GSO) hoặc mã trong hệ thống"),
        new("village", "Thôn, bản", true, ""),
        new("area", "Khu vực", true, "Nông thôn | Thành thị"),
        new("ethnicity", "Dân tộc", true, "dân tộc của chủ hộ: Kinh, Tày, Nùng, Mông, Dao..."),
        new("policy_groups", "Nhóm đối tượng", true, "mã cách nhau dấu chấm phẩy: merit; social-protection; female-headed..."),
        new("poverty_causes", "Nguyên nhân nghèo", true, "mã cách nhau dấu chấm phẩy: no-capital; no-land; illness..."),
        new("census_year", "Năm rà soát", true, "để trống nếu chỉ cập nhật thành viên"),
        new("income", "Thu nhập bình quân", true, "đồng/người/tháng; hoặc điểm A"),
        new("score_a", "Điểm A", true, "điểm phiếu B1; hoặc thu nhập"),
    ];

    /// <summary>Deprivation columns: header = the indicator's short Vietnamese name; code = the indicator code.</summary>
    public static readonly IReadOnlyList<HouseholdColumn> Deprivations =
    [
        new("employment", "Việc làm", true, "x nếu thiếu hụt"),
        new("dependents", "Người phụ thuộc", true, "x nếu thiếu hụt"),
        new("nutrition", "Dinh dưỡng", true, "x nếu thiếu hụt"),
        new("health-insurance", "Bảo hiểm y tế", true, "x nếu thiếu hụt"),
        new("adult-education", "Trình độ giáo dục của người lớn", true, "x nếu thiếu hụt"),
        new("child-schooling", "Tình trạng đi học của trẻ em", true, "x nếu thiếu hụt"),
        new("housing-quality", "Chất lượng nhà ở", true, "x nếu thiếu hụt"),
        new("housing-area", "Diện tích nhà ở bình quân đầu người", true, "x nếu thiếu hụt"),
        new("water", "Nguồn nước sinh hoạt", true, "x nếu thiếu hụt"),
        new("sanitation", "Nhà tiêu hợp vệ sinh", true, "x nếu thiếu hụt"),
        new("telecom", "Sử dụng dịch vụ viễn thông", true, "x nếu thiếu hụt"),
        new("information-access", "Phương tiện phục vụ tiếp cận thông tin", true, "x nếu thiếu hụt"),
    ];

    public static readonly IReadOnlyList<HouseholdColumn> Outcome =
    [
        new("status", "Kết quả phân loại", true, "không bắt buộc: hệ thống tự phân loại và báo chỗ khác"),
        new("expected_escape", "Dự kiến thoát nghèo", true, "x nếu trong danh sách dự kiến thoát nghèo năm sau"),
        new("support_plan", "Kế hoạch hỗ trợ", true, "giải pháp hỗ trợ hộ thoát nghèo"),
        new("synthetic", "Dữ liệu giả lập", true, "x: hộ do máy tạo (dữ liệu mẫu), không phải hộ thật"),
    ];

    public static readonly IReadOnlyList<HouseholdColumn> Member =
    [
        new("name", "Họ và tên", false, "bắt buộc"),
        new("birth_year", "Năm sinh", false, ""),
        new("sex", "Giới tính", false, "Nam | Nữ"),
        new("relation", "Quan hệ với chủ hộ", false, "Chủ hộ | Vợ | Chồng | Con | ..."),
        new("citizen_id", "Số CCCD", false, "12 chữ số"),
    ];

    public static readonly IReadOnlyList<HouseholdColumn> All = [.. Household, .. Deprivations, .. Outcome, .. Member];

    /// <summary>"Mã hộ" → "ma_ho": lower case, no diacritics (NFC or NFD alike), runs of other characters as one "_".</summary>
    public static string Normalize(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var ch in header.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        return sb.ToString().Trim('_');
    }

    /// <summary>Column key by normalized header or code; null for a header not in the layout.</summary>
    public static string? KeyOf(string header) => KeyOf(header, All);

    /// <summary>Column key of a header in a layout (this one, or the support list's).</summary>
    public static string? KeyOf(string header, IReadOnlyList<HouseholdColumn> layout)
    {
        var n = Normalize(header);
        foreach (var c in layout)
            if (n == Normalize(c.Header) || n == Normalize(c.Key)) return c.Key;
        return null;
    }
}
