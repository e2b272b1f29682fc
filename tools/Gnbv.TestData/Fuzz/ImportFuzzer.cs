using System.Globalization;
using System.IO.Compression;
using System.Text;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Households;
using Gnbv.Domain.Units;
using Gnbv.Reports.Xlsx;

namespace Gnbv.TestData.Fuzz;

public sealed record FuzzCrash(string Parser, long Iteration, string Exception, string SavedTo);

public sealed record FuzzResult(string Parser, long Iterations, IReadOnlyList<FuzzCrash> Crashes);

/// <summary>
/// Mutation fuzzing of the import parsers: takes seed files (built in, plus any given), mutates them
/// (bit flips, truncation, inserted and deleted bytes, interesting bytes, splices of two seeds, and
/// for XLSX the same inside one zip entry), and feeds each to the parser. The parser may accept the
/// input or refuse it with an import error; any other exception is a crash, and its input is saved.
/// Bounded by a number of inputs, not by time: the same seed and count try the same inputs on any machine.
/// </summary>
public static class ImportFuzzer
{
    public static readonly string[] Parsers = ["households-csv", "households-xlsx", "package-json", "values-csv"];

    public static FuzzResult Run(string parser, long iterations, int seed, string outDir, IEnumerable<byte[]>? extraSeeds = null) =>
        Run(parser, Target(parser), [.. Seeds(parser), .. extraSeeds ?? []], iterations, seed, outDir, parser == "households-xlsx");

    /// <summary>The loop, for any target: exposed so a test can show that a crash is caught and saved.</summary>
    public static FuzzResult Run(string name, Action<byte[]> target, IReadOnlyList<byte[]> seeds, long iterations, int seed, string outDir, bool zip = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var random = new Random(seed);
        var crashes = new List<FuzzCrash>();
        var seen = new HashSet<string>();
        long i = 0;
        for (; i < iterations; i++)
        {
            var input = zip && random.Next(2) == 0 ? MutateZipEntry(seeds[random.Next(seeds.Count)], random) : Mutate(seeds, random);
            try
            {
                target(input);
            }
            catch (ImportFailedException)
            {
            }
            catch (ImportForbiddenException)
            {
            }
            catch (Exception e)
            {
                // One file per distinct failure (type and throwing method), so a long run does not fill the disk.
                var key = e.GetType().FullName + "@" + e.TargetSite?.Name;
                if (!seen.Add(key)) continue;
                Directory.CreateDirectory(outDir);
                var path = Path.Combine(outDir, $"crash-{name}-{seed.ToString(CultureInfo.InvariantCulture)}-{i.ToString(CultureInfo.InvariantCulture)}{(zip ? ".xlsx" : ".bin")}");
                File.WriteAllBytes(path, input);
                crashes.Add(new FuzzCrash(name, i, $"{e.GetType().Name}: {e.Message}", path));
            }
        }
        return new FuzzResult(name, i, crashes);
    }

    static Action<byte[]> Target(string parser) => parser switch
    {
        "households-csv" => bytes => Households(bytes, "ds.csv"),
        "households-xlsx" => bytes => Households(bytes, "ds.xlsx"),
        "package-json" => bytes => ImportFileReader.Read(bytes, "package.json"),
        "values-csv" => bytes => ImportFileReader.Read(bytes, "values.csv"),
        _ => throw new ArgumentException($"--parser '{parser}' không có; dùng: {string.Join(", ", Parsers)} (unknown parser)"),
    };

    static readonly Dictionary<string, OrgUnit> Units = new()
    {
        ["01290"] = new OrgUnit { Id = 3, Code = "01290", Name = "Pác Miầu", Kind = UnitKind.Town, Path = "/04/042/01290/" },
        ["01294"] = new OrgUnit { Id = 4, Code = "01294", Name = "Lý Bôn", Kind = UnitKind.Commune, Path = "/04/042/01294/" },
    };

    static readonly Lazy<List<PovertyStandard>> Standards = new(ShippedStandards);

    static void Households(byte[] bytes, string name)
    {
        var parser = new HouseholdRowParser(Units, Standards.Value, Actor.System, null, Gnbv.Domain.Time.VietnamClock.VietnamYear(TimeProvider.System));
        using var stream = new MemoryStream(bytes);
        foreach (var group in HouseholdRowParser.Groups(HouseholdFileReader.Read(stream, name, ["household_code", "commune", "name"])))
            parser.Parse(group);
    }

    /// <summary>The shipped poverty standards, read from the seed the database loads, without a database.</summary>
    static List<PovertyStandard> ShippedStandards()
    {
        using var stream = typeof(ImportFileReader).Assembly.GetManifestResourceStream("Gnbv.Data.Seed.poverty-standards.json")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return [.. (ImportFileReader.ReadJson(memory.ToArray()).PovertyStandards ?? []).Select(r => new PovertyStandard
        {
            Code = r.Code!,
            Name = r.Name!,
            FromYear = r.FromYear!.Value,
            ToYear = r.ToYear!.Value,
            IncomeLineRural = r.IncomeLineRural!.Value,
            IncomeLineUrban = r.IncomeLineUrban!.Value,
            AverageUpperRural = r.AverageUpperRural,
            AverageUpperUrban = r.AverageUpperUrban,
            ScoreALineRural = r.ScoreALineRural,
            ScoreALineUrban = r.ScoreALineUrban,
            PoorMinDeprivations = r.PoorMinDeprivations ?? 3,
            PointsPerDeprivation = r.PointsPerDeprivation ?? 10,
            Indicators = [.. (r.Indicators ?? []).Select((x, k) => new DeprivationIndicator { Code = x.Code!, Dimension = x.Dimension!, Name = x.Name!, Sort = k })],
        })];
    }

    const string HouseholdCsv = """"
        Mã hộ,Mã xã,Thôn bản,Khu vực,Dân tộc,Nhóm đối tượng,Nguyên nhân nghèo,Năm rà soát,Thu nhập bình quân,Điểm A,Việc làm,Nguồn nước sinh hoạt,Kết quả phân loại,Họ và tên,Năm sinh,Giới tính,Quan hệ với chủ hộ,Số CCCD
        H1,01294,"Nà Pồng, xóm 2",Nông thôn,Mông,merit;disability,no-capital;no-land,2023,1200000,,x,,Hộ nghèo,Lý Văn Pà,1970,Nam,Chủ hộ,004070000123
        H1,01294,,,,,,,,,,,,"Vàng Thị ""Mỷ""",1975,Nữ,Vợ,
        H2,01290,Tổ 1,Thành thị,Kinh,,,2027,,,,x,,Nguyễn Văn A,1980,Nam,Chủ hộ,
        H3,01294,Khuổi Dẻ,Nông thôn,Dao,,,2024,,120,x,x,,Triệu Văn Sơn,1990,M,Chủ hộ,001090000001

        """";

    const string ValuesCsv = """
        dataElement,period,orgUnit,disaggregation,value,comment
        CS.TD_HO_NGHEO_LUOT,2023S1,90101,,12,
        DA5.HO_XAY_MOI,2023S1,90102,poor,-4.5,"từ báo cáo xã, có dấu phẩy"
        DA1,2023Q2;90103;total;7;x

        """;

    const string PackageJson = """
        { "format": "gnbv-import/1", "reason": "thử",
          "orgUnits": [ { "code": "90", "name": "Tỉnh", "kind": "province" } ],
          "dataValues": [ { "dataElement": "DA1", "period": "2023S1", "orgUnit": "90", "value": 12.5, "comment": "ghi chú" } ],
          "documents": [ { "number": "1/QĐ-UBND", "kind": "QD", "date": "2023-01-05", "issuerName": "UBND", "subject": "Giao vốn", "programItems": ["DA1"] } ],
          "capitalAllocations": [ { "orgUnit": "90", "programItem": "DA1", "source": "NSTW", "year": 2023, "amount": 1000000 } ],
          "works": [ { "code": "CT1", "name": "Đường", "kind": "road", "orgUnit": "90", "programItem": "DA1", "startYear": 2023 } ] }
        """;

    static IEnumerable<byte[]> Seeds(string parser) => parser switch
    {
        "households-csv" => [Encoding.UTF8.GetBytes(HouseholdCsv), Encoding.UTF8.GetBytes(HouseholdCsv.Replace(',', ';'))],
        "households-xlsx" => [Xlsx(HouseholdCsv)],
        "package-json" => [Encoding.UTF8.GetBytes(PackageJson)],
        "values-csv" => [Encoding.UTF8.GetBytes(ValuesCsv)],
        _ => [],
    };

    static byte[] Xlsx(string csv)
    {
        var book = new WorkbookWriter();
        var sheet = book.AddSheet("Hộ");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var r = 0; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            for (var c = 0; c < cells.Length; c++)
                if (cells[c].Length > 0)
                {
                    if (r > 0 && long.TryParse(cells[c], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) sheet.Number(r + 1, c + 1, n);
                    else sheet.Text(r + 1, c + 1, cells[c]);
                }
        }
        return book.ToArray();
    }

    static readonly byte[] Interesting = [0, 0xFF, 0x7F, 0x80, 0xC3, (byte)'"', (byte)',', (byte)';', (byte)'\n', (byte)'\r', (byte)'{', (byte)'}', (byte)'[', (byte)'<', (byte)'-', (byte)'9', (byte)'='];

    /// <summary>One to four mutations of a seed (or of a splice of two).</summary>
    static byte[] Mutate(IReadOnlyList<byte[]> seeds, Random random)
    {
        var data = new List<byte>(seeds[random.Next(seeds.Count)]);
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data.RemoveRange(Math.Min(at, data.Count), data.Count - Math.Min(at, data.Count)); break;
                case 2: data.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256))); break;
                case 3 when data.Count > 0: data.RemoveRange(at, Math.Min(random.Next(1, 32), data.Count - at)); break;
                case 4 when data.Count > 0: data[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 5:
                    var other = seeds[random.Next(seeds.Count)];
                    var from = random.Next(other.Length + 1);
                    data = [.. data.Take(at), .. other.Skip(from)];
                    break;
                case 6 when data.Count > 0:
                    var len = Math.Min(random.Next(1, 64), data.Count - at);
                    data.InsertRange(at, data.GetRange(at, len));
                    break;
            }
        }
        return [.. data];
    }

    /// <summary>Mutates the bytes of one entry of a zip (a sheet, the shared strings, the workbook) and zips it again, so the XML readers are reached.</summary>
    static byte[] MutateZipEntry(byte[] xlsx, Random random)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var entries = source.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return (e.FullName, Bytes: m.ToArray());
        }).ToList();
        var victim = random.Next(entries.Count);
        entries[victim] = (entries[victim].FullName, Mutate([entries[victim].Bytes], random));
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
        return output.ToArray();
    }
}
