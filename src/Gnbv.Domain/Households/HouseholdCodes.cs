namespace Gnbv.Domain.Households;

/// <summary>A code with its Vietnamese name, as the commune's lists write it.</summary>
public sealed record NamedCode(string Code, string Name);

/// <summary>The policy groups the program reports households by.</summary>
public static class PolicyGroups
{
    public static readonly IReadOnlyList<NamedCode> All =
    [
        new("ethnic-minority", "Dân tộc thiểu số"),
        new("merit", "Người có công với cách mạng"),
        new("social-protection", "Bảo trợ xã hội"),
        new("female-headed", "Chủ hộ là nữ"),
        new("disability", "Có người khuyết tật"),
        new("elderly-alone", "Người cao tuổi sống một mình"),
        new("no-labour", "Không có khả năng lao động"),
    ];
}

/// <summary>Causes of poverty as the census form lists them.</summary>
public static class PovertyCauses
{
    public static readonly IReadOnlyList<NamedCode> All =
    [
        new("no-capital", "Thiếu vốn sản xuất, kinh doanh"),
        new("no-land", "Thiếu đất canh tác"),
        new("no-tools", "Thiếu phương tiện sản xuất, kinh doanh"),
        new("no-labour", "Thiếu lao động"),
        new("no-skills", "Không biết cách làm ăn, không có tay nghề"),
        new("illness", "Có người ốm đau, bệnh nặng"),
        new("disability", "Có người khuyết tật"),
        new("many-dependents", "Đông người ăn theo"),
        new("social-evils", "Mắc tệ nạn xã hội"),
        new("lazy", "Lười lao động"),
        new("other", "Nguyên nhân khác"),
    ];
}

/// <summary>The kinds of support a household receives, with the sub-project that usually pays.</summary>
public static class SupportKinds
{
    public static readonly IReadOnlyList<NamedCode> All =
    [
        new("credit", "Vay vốn tín dụng ưu đãi"),
        new("electricity", "Hỗ trợ tiền điện"),
        new("health-insurance", "Cấp thẻ bảo hiểm y tế"),
        new("medical-care", "Khám chữa bệnh miễn phí"),
        new("vocational-training", "Đào tạo nghề"),
        new("job-placement", "Giới thiệu việc làm"),
        new("work-abroad", "Đi làm việc ở nước ngoài theo hợp đồng"),
        new("housing-new", "Hỗ trợ xây mới nhà ở (Dự án 5)"),
        new("housing-repair", "Hỗ trợ sửa chữa nhà ở (Dự án 5)"),
        new("livelihood", "Tham gia mô hình sinh kế (Dự án 2, 3)"),
        new("relief-rice", "Hỗ trợ gạo cứu đói"),
    ];

    public static bool IsKnown(string code) => All.Any(k => k.Code == code);
}
