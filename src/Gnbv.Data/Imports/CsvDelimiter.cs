namespace Gnbv.Data.Imports;

/// <summary>
/// Finds the separator of a CSV from its header line against the columns the file may have. A
/// Vietnamese Excel writes ';' (the comma is its decimal mark), so every line of such a file may also
/// hold one comma ("Thôn, bản", "1,5"): counting characters picked ',' and the file was refused with
/// a misleading "unknown column". The separator that yields the most known headers wins, then the
/// one that yields more fields.
/// </summary>
public static class CsvDelimiter
{
    public static readonly string[] Candidates = [",", ";", "\t"];

    public static string Detect(string headerLine, Func<string, bool> isKnown)
    {
        var best = ",";
        var (bestKnown, bestFields) = (-1, 0);
        foreach (var d in Candidates)
        {
            var fields = Split(headerLine, d[0]);
            var known = fields.Count(f => isKnown(f.Trim()));
            if (known > bestKnown || (known == bestKnown && fields.Count > bestFields))
                (best, bestKnown, bestFields) = (d, known, fields.Count);
        }
        return best;
    }

    /// <summary>The header line may be at most this long: a file without line breaks is not read whole into memory to find it.</summary>
    public const int MaxHeaderChars = 1 << 16;

    /// <summary>The first line of <paramref name="reader"/> (without its line break), or null when it is longer than <see cref="MaxHeaderChars"/>.</summary>
    public static string? ReadHeaderLine(TextReader reader)
    {
        var line = new System.Text.StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c < 0 || c == '\n') return line.ToString();
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                return line.ToString();
            }
            if (line.Length >= MaxHeaderChars) return null;
            line.Append((char)c);
        }
    }

    /// <summary>The first line of <paramref name="text"/>, without a byte-order mark.</summary>
    public static string FirstLine(string text)
    {
        var t = text.AsSpan().TrimStart('\uFEFF');
        var end = t.IndexOfAny('\r', '\n');
        return (end >= 0 ? t[..end] : t).ToString();
    }

    /// <summary>The fields of one line, quotes respected ("Thôn, bản" is one field).</summary>
    public static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>A reader that gives <paramref name="first"/> and then the rest of <paramref name="rest"/>: the header line read ahead, put back.</summary>
    public sealed class Prefixed(string first, TextReader rest) : TextReader
    {
        private int _at;

        public override int Peek() => _at < first.Length ? first[_at] : rest.Peek();

        public override int Read() => _at < first.Length ? first[_at++] : rest.Read();

        public override int Read(char[] buffer, int index, int count)
        {
            if (_at >= first.Length) return rest.Read(buffer, index, count);
            var n = Math.Min(count, first.Length - _at);
            first.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }

        public override int Read(Span<char> buffer)
        {
            if (_at >= first.Length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, first.Length - _at);
            first.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }
}
