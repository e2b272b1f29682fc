namespace Gnbv.Web.Infrastructure;

/// <summary>
/// The one check of a return address (sign-in, language switch): a path of this site, else "/".
/// Stricter than ASP.NET's own IsLocalUrl, so LocalRedirect never throws on what passed here: no
/// "//host" or "/\host", and no control character anywhere (browsers drop a tab or line break, so
/// "/%09/evil.example" would become "//evil.example").
/// </summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.Length > 2048) return false;
        if (url.Length > 1 && url[1] is '/' or '\\') return false;
        foreach (var c in url)
            if (char.IsControl(c) || c == '\\') return false;
        return true;
    }
}
