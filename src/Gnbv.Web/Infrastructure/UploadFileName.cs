using System.Text;

namespace Gnbv.Web.Infrastructure;

/// <summary>
/// The name a browser or client sent with an upload, made safe to log, store, show and build a
/// temporary path from: only the last segment (after / or \), no control or reserved characters,
/// NFC, at most <see cref="MaxLength"/> characters with the extension kept (it picks the format).
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 100;
    private const string Fallback = "tep-tai-len";

    public static string Sanitize(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC);
        var cut = name.LastIndexOfAny(['/', '\\']);
        if (cut >= 0) name = name[(cut + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            if (!char.IsControl(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
                && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
                clean.Append(c);
        name = clean.ToString().Trim().TrimEnd('.', ' ');
        if (name.Length == 0 || name.All(c => c == '.')) return Fallback;
        if (name.Length <= MaxLength) return name;
        var ext = Path.GetExtension(name);
        if (ext.Length > 10) ext = "";
        return name[..(MaxLength - ext.Length)].TrimEnd('.', ' ') + ext;
    }

    /// <summary>The extension, lower case, only when it is one the importers read; else empty.</summary>
    public static string KnownExtension(string safeName) => Path.GetExtension(safeName).ToLowerInvariant() switch
    {
        ".csv" => ".csv",
        ".xlsx" => ".xlsx",
        ".json" => ".json",
        _ => "",
    };
}
