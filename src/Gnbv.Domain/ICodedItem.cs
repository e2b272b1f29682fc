namespace Gnbv.Domain;

/// <summary>Metadata that is just a code, a name and a place in a list (funding sources, disaggregations).</summary>
public interface ICodedItem
{
    string Code { get; set; }
    string Name { get; set; }
    int SortOrder { get; set; }
}
