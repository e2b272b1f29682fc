namespace Gnbv.Web.Infrastructure;

/// <summary>Application switches, from the "Gnbv" section (GNBV_DEMO=1 also loads the demo data).</summary>
public sealed class GnbvOptions
{
    public const string Section = "Gnbv";

    /// <summary>Load the Bảo Lâm demo dataset at start, once (its file hash is remembered).</summary>
    public bool LoadDemo { get; set; }
}
