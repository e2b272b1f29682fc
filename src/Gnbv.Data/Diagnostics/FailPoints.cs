namespace Gnbv.Data.Diagnostics;

/// <summary>
/// Test-only fail points, inert in production: each is a named place inside a write transaction
/// (after an import staged its rows, after it merged them, just before it commits). Nothing happens
/// at any of them unless the environment variable GNBV_FAIL_POINT names that one when the process
/// starts; then the process writes one line "GNBV_FAIL_POINT &lt;name&gt; reached" to stderr and blocks
/// forever, its transaction open, so that a crash test can wait for that line and kill it with
/// SIGKILL at exactly that stage, whatever the machine's speed (the earlier tests raced the import
/// with lock probes and progress text and broke on faster machines). Never set it outside tests.
/// </summary>
public static class FailPoints
{
    public const string Variable = "GNBV_FAIL_POINT";

    /// <summary>`gnbv households import`: the file is read and staged in temporary tables, nothing merged yet.</summary>
    public const string HouseholdAfterStaging = "household-import:after-staging";

    /// <summary>`gnbv households import`: households, members and census entries merged into the registry.</summary>
    public const string HouseholdAfterMerge = "household-import:after-merge";

    /// <summary>`gnbv households import`: registry figures republished and the audit entry saved; the commit is next.</summary>
    public const string HouseholdBeforeCommit = "household-import:before-commit";

    /// <summary>`gnbv import`: every section (values, change log, import run) written; the commit is next.</summary>
    public const string PackageBeforeCommit = "package-import:before-commit";

    /// <summary>`gnbv households support`: support records, monthly figures and the audit entry written; the commit is next.</summary>
    public const string SupportBeforeCommit = "support-import:before-commit";

    static readonly string? Armed = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? name.Trim() : null;

    /// <summary>The line a test waits for on stderr.</summary>
    public static string Reached(string name) => $"{Variable} {name} reached";

    /// <summary>Does nothing unless GNBV_FAIL_POINT names <paramref name="name"/>; then says so and never returns.</summary>
    public static void Hit(string name)
    {
        if (Armed is null || !string.Equals(Armed, name, StringComparison.Ordinal)) return;
        Console.Error.WriteLine(Reached(name) + "; blocking until killed");
        Console.Error.Flush();
        // A blocked thread, not an exception: the transaction must stay open, as in a power cut.
        Thread.Sleep(Timeout.Infinite);
    }
}
