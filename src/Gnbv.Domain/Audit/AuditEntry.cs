namespace Gnbv.Domain.Audit;

/// <summary>
/// One change to an audited record (allocation, disbursement, work, document, report section,
/// workflow state): who, when, what it was, what it became, and why. Written in the same
/// SaveChanges as the change itself.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>allocation, disbursement, work, document, report-section, submission (see <see cref="AuditEntities"/>).</summary>
    public required string Entity { get; set; }

    /// <summary>The record's natural key as users know it: a work's code, a document's number, "unit/item/source/year".</summary>
    public required string EntityKey { get; set; }

    /// <summary>The unit the record belongs to, for scoping who may read the entry; null for shared records.</summary>
    public int? OrgUnitId { get; set; }

    /// <summary>insert, update, delete.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object of the fields that changed: {"Status": ["InProgress", "Completed"]} (old, new).</summary>
    public required string Changes { get; set; }

    public string? Reason { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}

public static class AuditEntities
{
    public const string Allocation = "allocation";
    public const string Disbursement = "disbursement";
    public const string Work = "work";
    public const string Document = "document";
    public const string ReportSection = "report-section";
    public const string Submission = "submission";

    /// <summary>A unit's report template (the wording of its reports and of the units below it): old and new text.</summary>
    public const string ReportTemplate = "report-template";

    /// <summary>A household list imported (one entry per file: counts, not the personal data).</summary>
    public const string HouseholdImport = "household-import";

    /// <summary>A household list exported or downloaded (Decree 13/2023/NĐ-CP: every export of personal data is logged).</summary>
    public const string HouseholdExport = "household-export";

    /// <summary>A household's census result typed by hand (status, income or score A, deprivations).</summary>
    public const string HouseholdCensus = "household-census";

    /// <summary>Data values keep their own change log (data_value_changes); the audit export merges it under this name.</summary>
    public const string Value = "value";

    /// <summary>An account changed by an administrator: created, disabled, enabled, role or unit changed, password reset.</summary>
    public const string User = "user";

    /// <summary>A personal access token created or revoked (key "user/prefix"; never the token).</summary>
    public const string ApiToken = "api-token";

    public static readonly IReadOnlyList<string> All = [Value, Allocation, Disbursement, Work, Document, ReportSection, ReportTemplate, Submission, HouseholdImport, HouseholdExport, HouseholdCensus, User, ApiToken];

    /// <summary>Records about accounts, which only administrators (and the CLI) read.</summary>
    public static readonly IReadOnlyList<string> Accounts = [User, ApiToken];

    public static string VietnameseName(string entity) => entity switch
    {
        Value => "Số liệu chỉ tiêu",
        Allocation => "Vốn bố trí",
        Disbursement => "Giải ngân",
        Work => "Công trình",
        Document => "Văn bản",
        ReportSection => "Nội dung báo cáo",
        ReportTemplate => "Mẫu báo cáo",
        Submission => "Gửi, duyệt số liệu",
        HouseholdImport => "Nhập danh sách hộ",
        HouseholdExport => "Xuất danh sách hộ",
        HouseholdCensus => "Kết quả rà soát hộ",
        User => "Tài khoản người dùng",
        ApiToken => "Token truy cập API",
        _ => entity,
    };

    public static string ActionName(string action) => action switch
    {
        "insert" => "Thêm",
        "update" => "Sửa",
        "delete" => "Xóa",
        "export" => "Xuất",
        "disable" => "Khóa tài khoản",
        "enable" => "Mở khóa tài khoản",
        "role" => "Đổi vai trò, đơn vị",
        "password" => "Đặt lại mật khẩu",
        "revoke" => "Thu hồi",
        "refused" => "Bị từ chối",
        _ => action,
    };

    /// <summary>Vietnamese labels of the audited fields; the API and CSV keep the field names.</summary>
    public static string FieldName(string field) => field switch
    {
        "Value" => "Giá trị",
        "Comment" => "Ghi chú",
        "AmountDong" => "Số tiền (đồng)",
        "Year" => "Năm",
        "CarriedOverFromYear" => "Chuyển nguồn từ năm",
        "DecisionId" => "Quyết định (mã)",
        "Note" => "Ghi chú",
        "Code" => "Mã",
        "Name" => "Tên",
        "Kind" => "Loại",
        "Location" => "Địa điểm",
        "IsNew" => "Khởi công mới",
        "Status" => "Tình trạng",
        "StartYear" => "Năm khởi công",
        "EndYear" => "Năm hoàn thành",
        "BudgetDong" => "Tổng mức đầu tư (đồng)",
        "DisbursedDong" => "Đã giải ngân (đồng)",
        "Number" => "Số, ký hiệu",
        "IssuedOn" => "Ngày ban hành",
        "IssuerName" => "Cơ quan ban hành",
        "Subject" => "Trích yếu",
        "Url" => "Đường dẫn",
        "SectionCode" => "Mục",
        "Title" => "Tiêu đề",
        "Text" => "Nội dung",
        "DataSet" => "Bộ số liệu",
        "State" => "Trạng thái",
        "Role" => "Vai trò",
        "Unit" => "Đơn vị",
        "DisabledAt" => "Khóa lúc",
        "Password" => "Mật khẩu",
        "TokensRevoked" => "Số token thu hồi",
        "ExpiresAt" => "Hết hạn",
        "RevokedAt" => "Thu hồi lúc",
        _ => field,
    };

    /// <summary>Workflow states in the words of the submissions page.</summary>
    public static string? StateName(string? state) => state switch
    {
        "Draft" => "Nháp",
        "Submitted" => "Đã gửi",
        "Approved" => "Đã duyệt (khóa)",
        "Returned" => "Bị trả lại",
        _ => state,
    };
}
