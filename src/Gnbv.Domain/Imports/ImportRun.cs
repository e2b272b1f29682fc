namespace Gnbv.Domain.Imports;

/// <summary>A record of a completed import: which file (by hash), when, by whom, how many rows.</summary>
public class ImportRun
{
    public int Id { get; set; }
    public required string Source { get; set; }
    public required string Sha256 { get; set; }
    public DateTime ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public int Rows { get; set; }
}
