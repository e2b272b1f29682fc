using System.Globalization;
using Gnbv.Data.Imports;

namespace Gnbv.Web.Components;

/// <summary>
/// The values of one <see cref="SectionEditor"/> form, already typed (numbers read by the one
/// Vietnamese number parser, lists split), turned into the importer's typed row of the section:
/// a page's save is the same typed change the API and a file make, with no JSON text in between.
/// </summary>
public sealed class FormRow
{
    private readonly Dictionary<string, string> _texts = [];
    private readonly Dictionary<string, long> _numbers = [];
    private readonly Dictionary<string, bool> _flags = [];
    private readonly Dictionary<string, List<string>> _lists = [];
    private readonly HashSet<string> _read = [];

    /// <summary>Text as typed, in NFC (as the JSON and file readers give it): a name typed in NFD matches the stored one.</summary>
    public void SetText(string name, string text) => _texts[name] = text.Normalize(System.Text.NormalizationForm.FormC);
    public void SetNumber(string name, long value) => _numbers[name] = value;
    public void SetFlag(string name, bool value) => _flags[name] = value;
    public void SetList(string name, List<string> items) => _lists[name] = items;

    private string? S(string name) => Read(name, _texts.GetValueOrDefault(name));
    private long? L(string name) => Read(name, _numbers.TryGetValue(name, out var n) ? n : (long?)null);
    private int? I(string name) => L(name) is { } n ? checked((int)n) : null;
    private bool? B(string name) => Read(name, _flags.TryGetValue(name, out var b) ? b : (bool?)null);
    private List<string>? List(string name) => Read(name, _lists.GetValueOrDefault(name));

    private T Read<T>(string name, T value)
    {
        _read.Add(name);
        return value;
    }

    /// <summary>The package with this one row in <paramref name="section"/> (the import section's JSON name).</summary>
    public ImportPackage ToPackage(string section)
    {
        _read.Clear();
        var package = section switch
        {
            "orgUnits" => new ImportPackage { OrgUnits = [new() { Code = S("code"), OfficialCode = S("officialCode"), Name = S("name"), Kind = S("kind"), Parent = S("parent"), ValidFrom = S("validFrom"), ValidTo = S("validTo"), Successor = S("successor") }] },
            "catalogue" => new ImportPackage { Catalogue = [new() { Code = S("code"), Name = S("name"), Kind = S("kind"), Parent = S("parent"), Phase = S("phase"), Decision = S("decision"), Order = I("order") }] },
            "fundingSources" => new ImportPackage { FundingSources = [new() { Code = S("code"), Name = S("name"), Order = I("order") }] },
            "disaggregations" => new ImportPackage { Disaggregations = [new() { Code = S("code"), Name = S("name"), Order = I("order") }] },
            "indicators" => new ImportPackage { Indicators = [new() { Code = S("code"), Name = S("name"), UnitOfMeasure = S("unitOfMeasure"), ValueType = S("valueType"), Aggregation = S("aggregation"), ProgramItem = S("programItem"), Disaggregations = List("disaggregations") }] },
            "documents" => new ImportPackage { Documents = [new() { Number = S("number"), Kind = S("kind"), Date = S("date"), Issuer = S("issuer"), IssuerName = S("issuerName"), Subject = S("subject"), Url = S("url"), ProgramItems = List("programItems") }] },
            "capitalAllocations" => new ImportPackage { CapitalAllocations = [new() { OrgUnit = S("orgUnit"), ProgramItem = S("programItem"), Source = S("source"), Year = I("year"), CarriedOverFrom = I("carriedOverFrom"), Amount = L("amount"), Decision = S("decision"), Note = S("note") }] },
            "disbursements" => new ImportPackage { Disbursements = [new() { OrgUnit = S("orgUnit"), ProgramItem = S("programItem"), Source = S("source"), Period = S("period"), Amount = L("amount"), Comment = S("comment") }] },
            "works" => new ImportPackage { Works = [new() { Code = S("code"), Name = S("name"), Kind = S("kind"), OrgUnit = S("orgUnit"), Location = S("location"), ProgramItem = S("programItem"), IsNew = B("isNew"), Status = S("status"), StartYear = I("startYear"), EndYear = I("endYear"), Budget = L("budget"), Disbursed = L("disbursed") }] },
            "targets" => new ImportPackage { Targets = [new() { DataElement = S("dataElement"), OrgUnit = S("orgUnit"), Year = I("year"), Disaggregation = S("disaggregation"), Value = S("value"), Comment = S("comment") }] },
            "reportSections" => new ImportPackage { ReportSections = [new() { OrgUnit = S("orgUnit"), Period = S("period"), Section = S("section"), Title = S("title"), Text = S("text") }] },
            _ => throw new InvalidOperationException($"no form row for the import section '{section}'"),
        };
        // A field the row does not take is a page's mistake: refused as the file importer refuses an unknown column.
        var unknown = _texts.Keys.Concat(_numbers.Keys).Concat(_flags.Keys).Concat(_lists.Keys).Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the {section} row has no field {string.Join(", ", unknown)}"));
        return package;
    }
}
