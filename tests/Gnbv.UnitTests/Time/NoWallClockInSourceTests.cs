using System.Text.RegularExpressions;

namespace Gnbv.UnitTests.Time;

/// <summary>
/// The guard behind "one clock": product code reads "now" from the injected TimeProvider through
/// Gnbv.Domain/Time, never from the wall clock, so that tests can pin the date and no outcome
/// depends on the day they run. Scans src/ as text (C# and Razor).
/// </summary>
public partial class NoWallClockInSourceTests
{
    // Where the wall clock may be read: the clock helper itself.
    private static readonly string[] Allowed = ["src/Gnbv.Domain/Time/"];

    [GeneratedRegex(@"\bDateTime\s*\.\s*(UtcNow|Now|Today)\b|\bDateTimeOffset\s*\.\s*(UtcNow|Now)\b")]
    private static partial Regex WallClock();

    [Fact]
    public void Source_ReadsNoWallClock_OutsideTheClockHelper()
    {
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!(relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".razor", StringComparison.Ordinal)
                  || relative.EndsWith(".cshtml", StringComparison.Ordinal))) continue;
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)) continue;
            if (Allowed.Any(a => relative.StartsWith(a, StringComparison.Ordinal))) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (WallClock().Match(lines[i]) is { Success: true } m)
                    found.Add($"{relative}:{i + 1}: {m.Value}");
        }

        found.ShouldBeEmpty("read the injected TimeProvider (clock.UtcNow(), clock.VietnamToday(), VietnamClock.ToVietnamTime) instead");
    }

    [Fact]
    public void Guard_RecognisesEveryWallClockSpelling()
    {
        string[] hits = ["DateTime.UtcNow", "DateTime.Now", "DateTime.Today", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "System.DateTime .UtcNow.Year"];
        string[] misses = ["clock.UtcNow()", "DateTime.UnixEpoch", "DateTimeOffset.MinValue", "MyDateTime.Nowhere", "DateTime.Nowhere"];

        hits.ShouldAllBe(h => WallClock().IsMatch(h));
        misses.ShouldAllBe(m => !WallClock().IsMatch(m));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gnbv.slnx"))) dir = dir.Parent;
        dir.ShouldNotBeNull("Gnbv.slnx not found above the test assembly");
        return dir.FullName;
    }
}
