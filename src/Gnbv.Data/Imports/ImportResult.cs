namespace Gnbv.Data.Imports;

public sealed class SectionCounts
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
}

public sealed class ImportResult
{
    public bool DryRun { get; init; }
    public bool Skipped { get; init; }
    public int Rows { get; init; }
    public Dictionary<string, SectionCounts> Sections { get; } = [];

    public SectionCounts For(string section)
    {
        if (!Sections.TryGetValue(section, out var counts)) Sections[section] = counts = new SectionCounts();
        return counts;
    }

    public string Summary() => string.Join("; ", Sections.Select(s =>
        $"{s.Key}: {s.Value.Created} mới, {s.Value.Updated} sửa, {s.Value.Unchanged} không đổi, {s.Value.Deleted} xóa"));
}
