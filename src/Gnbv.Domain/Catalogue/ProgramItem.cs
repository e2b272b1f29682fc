namespace Gnbv.Domain.Catalogue;

/// <summary>A node of a program catalogue. Codes are unique across catalogues (DA2, DA3.TDA1, MTQG2635.HP1).</summary>
public class ProgramItem
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public ProgramItemKind Kind { get; set; }
    public int? ParentId { get; set; }
    public ProgramItem? Parent { get; set; }

    /// <summary>Code of the program at the root of this item's tree.</summary>
    public string ProgramCode { get; set; } = "";
    public string? Phase { get; set; }
    public string? Decision { get; set; }
    public int SortOrder { get; set; }
}
