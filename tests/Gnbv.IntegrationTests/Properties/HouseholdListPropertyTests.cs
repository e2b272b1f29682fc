using System.Globalization;
using System.Text;
using CsCheck;
using CsvHelper;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Households;
using Gnbv.Domain.Time;
using Gnbv.Domain.Units;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Properties;

/// <summary>
/// The household list reader and row parser over generated lists: a list written in the import
/// layout (as the exporter writes it, CSV or XLSX) parses back to the same households; arbitrary rows
/// and files end in a household or in errors naming the row, never in another exception.
/// </summary>
public sealed class HouseholdListPropertyTests : IAsyncLifetime
{
    // The shipped standards, read once from a seeded database for every test of the class.
    private static readonly Lazy<Task<List<PovertyStandard>>> Shipped = new(async () =>
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        return await db.PovertyStandards.AsNoTracking().Include(s => s.Indicators).ToListAsync();
    });

    private List<PovertyStandard> _standards = null!;

    private static readonly Dictionary<string, OrgUnit> Units = new()
    {
        ["01290"] = new OrgUnit { Id = 3, Code = "01290", Name = "Pác Miầu", Kind = UnitKind.Town, Path = "/04/042/01290/" },
        ["01294"] = new OrgUnit { Id = 4, Code = "01294", Name = "Lý Bôn", Kind = UnitKind.Commune, Path = "/04/042/01294/" },
        ["042"] = new OrgUnit { Id = 2, Code = "042", Name = "Bảo Lâm", Kind = UnitKind.District, Path = "/04/042/" },
    };

    public async Task InitializeAsync() => _standards = await Shipped.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed record Member(string Name, int? BirthYear, Sex Sex, string Relation, string? CitizenId);

    public sealed record Household(string Code, string Commune, string Village, Area Area, string Ethnicity, string[] Policy, string[] Causes,
        int? Year, long? Income, int? ScoreA, int[] DeprivedSorts, bool ExpectedEscape, string Plan, bool Synthetic, Member[] Members);

    private const string Letters = "abcdeghiklmnopqrstuvxyàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵABCĐGHLMNSTV";

    /// <summary>Free text as officers type it: Vietnamese letters, spaces, commas, quotes, semicolons; trimmed, since the reader trims.</summary>
    private static Gen<string> Text(int max) => Gen.Select(Gen.Char[Letters], Gen.String[Gen.Char[Letters + " ,;\"'()./-"], 0, max - 1],
        (first, rest) => (first + rest).Trim());

    // Birth and census years up to the pinned day's year, so the cases drawn do not depend on the day the suite runs.
    private static readonly int ThisYear = TestClock.Create().VietnamYear();

    private static readonly Gen<Member> Members = Gen.Select(Text(60), Gen.Int[1900, ThisYear].Nullable(), Gen.Enum<Sex>(),
        Gen.OneOf<string>("Vợ", "Chồng", "Con", "Cháu", "Mẹ", ""), Gen.Long[0, 99_999_999_999].Select(n => n.ToString("000000000000", CultureInfo.InvariantCulture)).Null(),
        (name, birth, sex, relation, id) => new Member(name, birth, sex, relation, id));

    private static Gen<string[]> Subset(IReadOnlyList<NamedCode> codes) =>
        Gen.Int[0, (1 << Math.Min(codes.Count, 10)) - 1].Select(bits => codes.Where((_, i) => i < 10 && (bits & (1 << i)) != 0).Select(c => c.Code).ToArray());

    private static readonly Gen<Household> Households = Gen.Select(
        Gen.Select(Gen.String[Gen.Char["ABCDEFGHKLMN0123456789-"], 0, 12], Gen.OneOf<string>("01290", "01294"), Text(80), Gen.Enum<Area>(), Gen.OneOf<string>("Kinh", "Mông", "Dao", "Tày", ""), (code, commune, village, area, ethnicity) => (code, commune, village, area, ethnicity)),
        Gen.Select(Subset(PolicyGroups.All), Subset(PovertyCauses.All), Gen.Int[2022, ThisYear].Nullable(), Gen.Bool, Gen.Long[0, 10_000_000_000], Gen.Int[0, 400], (policy, causes, year, byIncome, income, score) => (policy, causes, year, byIncome, income, score)),
        Gen.Select(Gen.Int[0, 4095], Gen.Bool, Text(300).Null(), Gen.Bool, Members.Array[0, 6], Text(60), (mask, escape, plan, synthetic, others, head) => (mask, escape, plan, synthetic, others, head)),
        (a, b, c) =>
        {
            var (code, commune, village, area, ethnicity) = a;
            var (policy, causes, year, byIncome, income, score) = b;
            var (mask, escape, plan, synthetic, others, headName) = c;
            // The 2027-2030 standard has no score-A line: its households give an income.
            byIncome |= year > 2026;
            var members = others.Prepend(new Member(headName, 1970, Sex.Male, "Chủ hộ", null)).ToArray();
            return new Household("H" + code, commune, village, area, ethnicity, policy, causes, year,
                year is null ? null : byIncome ? income : null, year is null || byIncome ? null : score,
                year is null ? [] : Enumerable.Range(0, 12).Where(i => (mask & (1 << i)) != 0).ToArray(),
                year is not null && escape, year is null ? "" : plan ?? "", synthetic, members);
        });

    /// <summary>A list: households with distinct codes (the index makes them so).</summary>
    private static readonly Gen<Household[]> Lists = Households.Array[1, 6].Select(hs => hs.Select((h, i) => h with { Code = $"{h.Code}-{i}" }).ToArray());

    private PovertyStandard StandardOf(int year) => _standards.Single(s => s.Covers(year));

    /// <summary>The rows of a list, cell by cell, as <see cref="HouseholdExporter"/> lays them out.</summary>
    private IEnumerable<string[]> Rows(Household[] list)
    {
        var index = HouseholdColumns.All.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        yield return [.. HouseholdColumns.All.Select(c => c.Header)];
        foreach (var h in list)
        {
            var cells = new string[HouseholdColumns.All.Count];
            Array.Fill(cells, "");
            cells[index["household_code"]] = h.Code;
            cells[index["commune"]] = h.Commune;
            cells[index["village"]] = h.Village;
            cells[index["area"]] = h.Area == Area.Urban ? "Thành thị" : "Nông thôn";
            cells[index["ethnicity"]] = h.Ethnicity;
            cells[index["policy_groups"]] = string.Join(';', h.Policy);
            cells[index["poverty_causes"]] = string.Join(';', h.Causes);
            cells[index["synthetic"]] = h.Synthetic ? "x" : "";
            if (h.Year is { } year)
            {
                var standard = StandardOf(year);
                cells[index["census_year"]] = year.ToString(CultureInfo.InvariantCulture);
                cells[index["income"]] = h.Income?.ToString(CultureInfo.InvariantCulture) ?? "";
                cells[index["score_a"]] = h.ScoreA?.ToString(CultureInfo.InvariantCulture) ?? "";
                foreach (var ind in standard.Indicators.Where(i => h.DeprivedSorts.Contains(i.Sort))) cells[index[ind.Code]] = "x";
                cells[index["status"]] = HouseholdStatuses.VietnameseName(Expected(h)!.Status);
                cells[index["expected_escape"]] = h.ExpectedEscape ? "x" : "";
                cells[index["support_plan"]] = h.Plan;
            }
            foreach (var m in h.Members)
            {
                cells[index["name"]] = m.Name;
                cells[index["birth_year"]] = m.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "";
                cells[index["sex"]] = m.Sex switch { Sex.Male => "Nam", Sex.Female => "Nữ", _ => "" };
                cells[index["relation"]] = m.Relation;
                cells[index["citizen_id"]] = m.CitizenId ?? "";
                yield return [.. cells.Select(CsvSafe.Neutralise).Select(c => c!)];
            }
        }
    }

    private Classification? Expected(Household h) => h.Year is { } year && StandardOf(year) is var s
        ? PovertyClassifier.Classify(s, h.Area, h.Income, h.ScoreA, [.. s.Indicators.Where(i => h.DeprivedSorts.Contains(i.Sort)).Select(i => i.Code)])
        : null;

    private static byte[] Csv(IEnumerable<string[]> rows, bool nfd)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            foreach (var row in rows)
            {
                foreach (var c in row) csv.WriteField(nfd ? c.Normalize(NormalizationForm.FormD) : c);
                csv.NextRecord();
            }
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static byte[] Xlsx(IEnumerable<string[]> rows) => new XlsxInput("Hộ").TextRows(rows).ToBytes();

    private List<ParsedHousehold> Parse(byte[] file, string name, HouseholdRowParser parser)
    {
        using var stream = new MemoryStream(file);
        var parsed = new List<ParsedHousehold>();
        foreach (var group in HouseholdRowParser.Groups(HouseholdFileReader.Read(stream, name, ["household_code", "commune", "name"])))
            if (parser.Parse(group) is { } h) parsed.Add(h);
        return parsed;
    }

    private void ShouldMatch(Household[] list, List<ParsedHousehold> parsed)
    {
        parsed.Count.ShouldBe(list.Length);
        foreach (var (h, p) in list.Zip(parsed))
        {
            p.Code.ShouldBe(h.Code);
            p.Commune.Code.ShouldBe(h.Commune);
            p.Village.ShouldBe(h.Village);
            p.Area.ShouldBe(h.Area);
            p.Ethnicity.ShouldBe(h.Ethnicity);
            var policy = h.Ethnicity is "Kinh" or "" || h.Policy.Contains("ethnic-minority") ? h.Policy : h.Policy.Prepend("ethnic-minority");
            p.PolicyGroups.ShouldBe(string.Join(',', policy));
            p.PovertyCauses.ShouldBe(string.Join(',', h.Causes));
            p.Year.ShouldBe(h.Year);
            p.Income.ShouldBe(h.Income);
            p.ScoreA.ShouldBe(h.ScoreA);
            p.Classification?.Status.ShouldBe(Expected(h)!.Status);
            (p.Classification is null).ShouldBe(h.Year is null);
            p.DeprivedMask.ShouldBe(h.Year is null ? 0 : h.DeprivedSorts.Sum(s => 1 << s));
            p.ExpectedEscape.ShouldBe(h.ExpectedEscape);
            (p.SupportPlan ?? "").ShouldBe(h.Plan);
            p.Synthetic.ShouldBe(h.Synthetic);
            p.Members.Select(m => (m.Name, m.BirthYear, m.Sex, m.Relation, m.CitizenId))
                .ShouldBe(h.Members.Select(m => (m.Name, m.BirthYear, m.Sex, m.Relation, m.CitizenId)));
            p.Members.Count(m => m.IsHead).ShouldBe(1);
        }
    }

    [Fact]
    public void CsvList_WrittenInTheImportLayout_ParsesBackToTheSameHouseholds()
    {
        Gen.Select(Lists, Gen.Bool).Sample((list, nfd) =>
        {
            var parser = new HouseholdRowParser(Units, _standards, Actor.System, null, Gnbv.Data.Households.CensusYears.Current(TimeProvider.System));
            var parsed = Parse(Csv(Rows(list), nfd), "ds.csv", parser);
            parser.Errors.ShouldBeEmpty(string.Join("; ", parser.Errors.Take(3)));
            parser.Warnings.ShouldBeEmpty();
            ShouldMatch(list, parsed);
        }, iter: 100);
    }

    [Fact]
    public void XlsxList_WrittenInTheImportLayout_ParsesBackToTheSameHouseholds()
    {
        Lists.Sample(list =>
        {
            var parser = new HouseholdRowParser(Units, _standards, Actor.System, null, Gnbv.Data.Households.CensusYears.Current(TimeProvider.System));
            var parsed = Parse(Xlsx(Rows(list)), "ds.xlsx", parser);
            parser.Errors.ShouldBeEmpty(string.Join("; ", parser.Errors.Take(3)));
            ShouldMatch(list, parsed);
        }, iter: 15);
    }

    /// <summary>Cells that are nearly right: the values each column takes, mixed with wrong ones and arbitrary text.</summary>
    private static readonly Gen<string> Cell = Gen.Frequency(
        (3, Gen.OneOf<string>("", "x", "X", "1", "0", "có", "không", "Nam", "Nữ", "Chủ hộ", "Con", "01290", "01294", "042", "99999", "2023", "2031", "1899",
            "Nông thôn", "Thành thị", "Kinh", "Mông", "merit", "no-capital;no-land", "bogus", "hộ nghèo", "1.500.000", "-5", "1e9", "=1+1",
            "012345678901", "12345", "99999999999999999999", " ", "\u0662\u0660\u0662\u0663")),
        (1, Gen.String),
        (1, Gen.String[Gen.Char["0123456789.,- x"], 0, 25]));

    private static readonly string[] Keys = [.. HouseholdColumns.All.Select(c => c.Key)];

    private static readonly Gen<SourceRow[]> ArbitraryRows = Gen.Select(Cell.Array[Keys.Length], Gen.Int[0, 3])
        .Select((cells, _) => cells).Array[1, 4]
        .Select(rows => rows.Select((cells, i) => new SourceRow(i + 2, Keys.Zip(cells).ToDictionary(x => x.First, x => x.Second))).ToArray());

    [Fact]
    public void Parse_ArbitraryRows_GivesAHouseholdOrErrorsNamingTheRowAndColumn()
    {
        ArbitraryRows.Sample(rows =>
        {
            var parser = new HouseholdRowParser(Units, _standards, Actor.System, 2023, Gnbv.Data.Households.CensusYears.Current(TimeProvider.System));
            var result = parser.Parse(rows);
            if (result is null) parser.Errors.ShouldNotBeEmpty();
            else parser.Errors.ShouldBeEmpty();
            foreach (var e in parser.Errors)
            {
                rows.Select(r => (int?)r.Line).ShouldContain(e.Line);
                Keys.ShouldContain(e.Field);
                e.Message.ShouldNotBeNullOrWhiteSpace();
            }
        }, iter: 1500);
    }

    [Fact]
    public void Read_ArbitraryCsvText_GivesRowsOrAnImportError()
    {
        var header = string.Join(',', HouseholdColumns.All.Take(12).Select(c => c.Header)) + "\n";
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["ab,;\"\n\r x01"], 0, 200]).Select(Gen.Bool, (body, withHeader) => withHeader ? header + body : body).Sample(text =>
        {
            var parser = new HouseholdRowParser(Units, _standards, Actor.System, 2023, Gnbv.Data.Households.CensusYears.Current(TimeProvider.System));
            try
            {
                Parse(Encoding.UTF8.GetBytes(text), "ds.csv", parser);
            }
            catch (ImportFailedException e)
            {
                e.Errors.ShouldNotBeEmpty();
            }
        }, iter: 1000);
    }
}
