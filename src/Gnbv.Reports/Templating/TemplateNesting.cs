namespace Gnbv.Reports.Templating;

/// <summary>
/// How deep a template nests, read before the parser sees it: Fluid's parser recurses once per
/// level, and 3.000 nested <c>{% if %}</c> (51.000 characters) overflowed the stack, which ends
/// the whole process rather than failing the request.
/// </summary>
internal static class TemplateNesting
{
    private static readonly HashSet<string> Blocks = ["if", "unless", "for", "case", "capture", "tablerow", "ifchanged"];

    /// <summary>Where the template first nests deeper than <paramref name="max"/> (line), or null.</summary>
    public static string? TooDeep(string text, int max)
    {
        var depth = 0;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') line++;
            if (text[i] != '{' || i + 1 >= text.Length || text[i + 1] is not ('%' or '{')) continue;
            var close = text[i + 1] == '%' ? "%}" : "}}";
            var end = text.IndexOf(close, i + 2, StringComparison.Ordinal);
            if (end < 0) return null; // unterminated: the parser says so
            var inner = text.AsSpan(i + 2, end - i - 2).Trim().TrimStart('-').TrimEnd('-').Trim();
            if (Brackets(inner) > max) return $"dòng {line}";
            if (close == "%}")
            {
                var name = Name(inner);
                if (name is "raw" or "comment")
                {
                    // Their content is text, not tags.
                    var endTag = text.IndexOf("end" + name, end, StringComparison.Ordinal);
                    if (endTag < 0) return null;
                    end = endTag;
                }
                else if (Blocks.Contains(name) && ++depth > max) return $"dòng {line}";
                else if (name.StartsWith("end", StringComparison.Ordinal) && depth > 0) depth--;
            }
            for (var j = i; j < end; j++) if (text[j] == '\n') line++;
            i = end + 1;
        }
        return null;
    }

    private static string Name(ReadOnlySpan<char> tag)
    {
        var n = 0;
        while (n < tag.Length && (char.IsLetter(tag[n]) || tag[n] == '#')) n++;
        return tag[..n].ToString();
    }

    /// <summary>The deepest nesting of ( and [ outside quotes.</summary>
    private static int Brackets(ReadOnlySpan<char> expression)
    {
        int depth = 0, deepest = 0;
        char? quote = null;
        foreach (var c in expression)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                continue;
            }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '(' or '[': deepest = Math.Max(deepest, ++depth); break;
                case ')' or ']': depth = Math.Max(0, depth - 1); break;
            }
        }
        return deepest;
    }
}
