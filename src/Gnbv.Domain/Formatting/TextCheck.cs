using System.Globalization;
using System.Text;

namespace Gnbv.Domain.Formatting;

/// <summary>
/// The one check of text that comes in (JSON, files, page forms, query strings, the audit's reason),
/// run where the text is put in Unicode form C. Free text keeps letters, marks, emoji, tabs and line
/// breaks; it may not hold a control character (PostgreSQL refuses NUL, SQLite would store it) or a
/// broken surrogate (not UTF-8 at all). A code (a work's, unit's, indicator's, household's...) is
/// compared and shown as typed, so it also may not hold an invisible character: a zero-width space,
/// a bidi override, a soft hyphen, a byte-order mark or a space other than U+0020, which would let
/// "PM-ZW-1" and "PM-ZW-1" + U+200B coexist and look identical.
/// </summary>
public static class TextCheck
{
    /// <summary>Null when <paramref name="text"/> is acceptable free text, else the reason (Vietnamese, then English).</summary>
    public static string? FreeText(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"có ký tự hỏng (nửa cặp surrogate {Hex(c)}) ở vị trí {i + 1} (broken character)";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"có ký tự điều khiển {Hex(c)} ở vị trí {i + 1}, không được phép (control character)";
        }
        return null;
    }

    /// <summary>Null when <paramref name="code"/> is an acceptable code, else the reason.</summary>
    public static string? Code(string? code)
    {
        if (code is null) return null;
        if (FreeText(code) is { } problem) return problem;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (char.IsSurrogate(c)) continue;
            if (char.IsControl(c))
                return $"có ký tự điều khiển {Hex(c)} (tab, xuống dòng) ở vị trí {i + 1}; mã không được chứa (control character in a code)";
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (category == UnicodeCategory.SpaceSeparator && c != ' '))
                return $"có ký tự vô hình {Hex(c)} ({Name(c)}) ở vị trí {i + 1}; mã chỉ được chứa ký tự nhìn thấy được (invisible character in a code)";
        }
        return null;
    }

    /// <summary>What a refused character is, so an officer can find it: the common invisible ones by name.</summary>
    private static string Name(char c) => c switch
    {
        '\u200B' => "khoảng trắng độ rộng 0, zero-width space",
        '\u200C' or '\u200D' => "ký tự nối độ rộng 0, zero-width joiner",
        '\u00AD' => "gạch nối mềm, soft hyphen",
        '\uFEFF' => "BOM, zero-width no-break space",
        '\u00A0' => "khoảng trắng không ngắt, no-break space",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C' => "ký tự đổi chiều viết, bidi control",
        _ => "format",
    };

    private static string Hex(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>Text in Unicode form C (names typed with combining marks match the same text stored precomposed).</summary>
    public static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
