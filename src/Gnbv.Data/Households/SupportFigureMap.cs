namespace Gnbv.Data.Households;

/// <summary>
/// Which figure of the indicator store a kind of support counts into: the count of records
/// (lượt) and, where the store has one, the amount in million đồng; split by the household's status
/// (poor, near-poor) where the indicator has those disaggregations. Credit counts only loans to poor
/// households (CS.TD_HO_NGHEO_*) and to households that newly escaped poverty (CS.TD_HO_MOI_THOAT_NGHEO_*).
/// </summary>
public sealed record SupportFigure(string Kind, string CountIndicator, string? AmountIndicator, SupportAudience Audience, bool ByStatus);

public enum SupportAudience
{
    Everyone,
    PoorOnly,
    NewlyEscapedOnly,
}

public static class SupportFigureMap
{
    public static readonly IReadOnlyList<SupportFigure> All =
    [
        new("credit", "CS.TD_HO_NGHEO_LUOT", "CS.TD_HO_NGHEO_SO_TIEN", SupportAudience.PoorOnly, false),
        new("credit", "CS.TD_HO_MOI_THOAT_NGHEO_LUOT", "CS.TD_HO_MOI_THOAT_NGHEO_LUOT_SO_TIEN", SupportAudience.NewlyEscapedOnly, false),
        new("electricity", "CS.TIEN_DIEN_HO", null, SupportAudience.Everyone, false),
        new("relief-rice", "CS.GAO_CUU_DOI_HO", null, SupportAudience.Everyone, false),
        new("housing-new", "DA5.HO_XAY_MOI", null, SupportAudience.Everyone, true),
        new("housing-repair", "DA5.HO_SUA_CHUA", null, SupportAudience.Everyone, true),
        new("livelihood", "DA2.MO_HINH_HO", null, SupportAudience.Everyone, true),
        new("vocational-training", "DA4.TDA1.HOC_VIEN", null, SupportAudience.Everyone, false),
        new("health-insurance", "HT.THE_BHYT", null, SupportAudience.Everyone, true),
        new("medical-care", "HT.KCB_MIEN_PHI", null, SupportAudience.Everyone, true),
        new("job-placement", "HT.GIOI_THIEU_VIEC_LAM", null, SupportAudience.Everyone, true),
        new("work-abroad", "HT.DI_LAM_VIEC_NUOC_NGOAI", null, SupportAudience.Everyone, true),
    ];
}
