namespace Gnbv.Web.Infrastructure;

/// <summary>Application switches, from the "Gnbv" section (GNBV_DEMO=1 also loads the demo data).</summary>
public sealed class GnbvOptions
{
    public const string Section = "Gnbv";

    /// <summary>Load the Bảo Lâm demo dataset at start, once (its file hash is remembered).</summary>
    public bool LoadDemo { get; set; }

    /// <summary>
    /// The largest request body accepted, in MB (uploads included): a commune's household list of
    /// tens of thousands of members is a few MB of CSV or XLSX, so 50 leaves room and stops a runaway.
    /// </summary>
    public int MaxRequestMegabytes { get; set; } = 50;

    public long MaxRequestBytes => MaxRequestMegabytes * 1024L * 1024L;

    /// <summary>Sign-in attempts accepted per minute from one address (password guessing is refused with 429 past it).</summary>
    public int SignInsPerMinute { get; set; } = 10;
}
