using System.Text;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Households;
using Gnbv.Domain.Units;
using Gnbv.TestData.Households;
using Gnbv.TestData.National;

namespace Gnbv.Benchmarks;

/// <summary>
/// Inputs built the way the application builds them, without a database: the shipped seed's
/// poverty standards and validation rules (embedded in Gnbv.Data), synthetic communes from the
/// national generator, and a household list from the household generator.
/// </summary>
public static class BenchData
{
    public const int Seed = 7;
    public const int CensusYear = 2023;
    public const int FirstYear = 2022;
    public static readonly string[] RequiredKeys = ["household_code", "commune", "name"];

    /// <summary>The poverty standards of the seed, mapped as the standard import maps them.</summary>
    public static List<PovertyStandard> Standards() =>
        SeedPackage("poverty-standards.json").PovertyStandards!.Select(row => new PovertyStandard
        {
            Code = row.Code!,
            Name = row.Name!,
            LegalBasis = row.LegalBasis,
            FromYear = row.FromYear!.Value,
            ToYear = row.ToYear!.Value,
            IncomeLineRural = row.IncomeLineRural!.Value,
            IncomeLineUrban = row.IncomeLineUrban!.Value,
            AverageUpperRural = row.AverageUpperRural,
            AverageUpperUrban = row.AverageUpperUrban,
            ScoreALineRural = row.ScoreALineRural,
            ScoreALineUrban = row.ScoreALineUrban,
            PoorMinDeprivations = row.PoorMinDeprivations ?? 3,
            PointsPerDeprivation = row.PointsPerDeprivation ?? 10,
            Indicators = (row.Indicators ?? []).Select((ind, k) => new DeprivationIndicator
            {
                Code = ind.Code!,
                Dimension = ind.Dimension!,
                Name = ind.Name!,
                Sort = k,
            }).ToList(),
        }).ToList();

    /// <summary>The left and right expressions of the seed's validation rules.</summary>
    public static string[] RuleExpressions() =>
        [.. SeedPackage("validation-rules.json").ValidationRules!.SelectMany(r => new[] { r.Left, r.Right }).OfType<string>()];

    /// <summary>The first communes of the synthetic country (a few districts, towns and wards among them).</summary>
    public static List<OrgUnit> Communes(int count) =>
        NationalGenerator.Communes(NationalGenerator.Units(Seed)).Take(count).ToList();

    /// <summary>A household list in the import layout, UTF-8, as a commune would upload it.</summary>
    public static byte[] HouseholdCsv(IReadOnlyList<OrgUnit> communes, int households)
    {
        using var writer = new StringWriter();
        HouseholdGenerator.Write(writer, communes, households, Seed, CensusYear, FirstYear);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    /// <summary>Reads, groups and parses a list as the importer does; returns the households parsed.</summary>
    public static List<ParsedHousehold> Parse(byte[] csv, IReadOnlyDictionary<string, OrgUnit> units, IReadOnlyList<PovertyStandard> standards)
    {
        var parser = new HouseholdRowParser(units, standards, Actor.System, null, Gnbv.Domain.Time.VietnamClock.VietnamYear(TimeProvider.System));
        var parsed = new List<ParsedHousehold>();
        using var stream = new MemoryStream(csv, writable: false);
        foreach (var group in HouseholdRowParser.Groups(HouseholdFileReader.Read(stream, "households.csv", RequiredKeys)))
            if (parser.Parse(group) is { } h) parsed.Add(h);
        if (parser.ErrorCount > 0)
            throw new InvalidOperationException($"the generated list has {parser.ErrorCount} errors, first: {parser.Errors[0]}");
        return parsed;
    }

    static ImportPackage SeedPackage(string file) => ImportFileReader.ReadJson(DatabaseInitializer.ReadEmbedded("Gnbv.Data.Seed." + file));
}
