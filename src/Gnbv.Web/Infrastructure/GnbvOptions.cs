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

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, besides loopback:
    /// addresses or networks, comma-separated ("10.0.0.5, 10.1.0.0/16"). Behind them a request that
    /// reached the proxy over HTTPS is HTTPS here: the cookies are Secure and HSTS is sent.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>The addresses and networks of <see cref="KnownProxies"/>; an entry that is neither is refused at start.</summary>
    public (List<System.Net.IPAddress> Proxies, List<System.Net.IPNetwork> Networks) ParseKnownProxies()
    {
        var proxies = new List<System.Net.IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (KnownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (System.Net.IPAddress.TryParse(entry, out var address)) proxies.Add(address);
            else throw new FormatException(entry);
        }
        return (proxies, networks);
    }
}
