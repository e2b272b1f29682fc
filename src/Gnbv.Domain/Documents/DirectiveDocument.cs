using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Documents;

/// <summary>A directive document (văn bản chỉ đạo) cited by number and symbol and date: 702/QĐ-UBND ngày 05/5/2023.</summary>
public class DirectiveDocument
{
    public int Id { get; set; }
    public required string Number { get; set; }

    /// <summary>QD quyết định, KH kế hoạch, CV công văn, TB thông báo, BC báo cáo, NQ nghị quyết, ND nghị định, TT thông tư.</summary>
    public required string Kind { get; set; }
    public DateOnly IssuedOn { get; set; }
    public int? IssuerUnitId { get; set; }
    public OrgUnit? IssuerUnit { get; set; }
    public required string IssuerName { get; set; }
    public required string Subject { get; set; }
    public string? Url { get; set; }
    public List<DocumentProgramItem> ProgramItems { get; set; } = [];
}

public class DocumentProgramItem
{
    public int DocumentId { get; set; }
    public int ProgramItemId { get; set; }
    public ProgramItem? ProgramItem { get; set; }
}
