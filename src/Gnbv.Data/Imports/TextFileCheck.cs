using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Gnbv.Data.Imports;

/// <summary>
/// Checks the encoding of a text file (CSV, JSON) before it is parsed, so that a file saved in
/// Windows-1258, TCVN3 or Latin-1 is refused with the line of its first bad byte instead of being
/// imported as mojibake. UTF-8 (with or without a byte order mark) is read; UTF-16 with a byte order
/// mark is read too; anything else is refused, as is a NUL byte (UTF-16 without a mark, or a binary file).
/// </summary>
public static class TextFileCheck
{
    const int Chunk = 1 << 16;

    /// <summary>Checks a seekable stream from its current position, which it restores; returns the encoding to read it with.</summary>
    public static Encoding Check(Stream stream, string section, string fileName)
    {
        var start = stream.Position;
        try
        {
            Span<byte> head = stackalloc byte[3];
            var n = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
            if (n == 0) throw FileRefused.Because(section, fileName, "tệp rỗng, không có dữ liệu (empty file)");
            if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE) return new UnicodeEncoding(false, true, true);
            if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF) return new UnicodeEncoding(true, true, true);
            stream.Position = start;
            if (FirstBadByte(stream) is { } bad) throw NotUtf8(section, fileName, bad.Line, bad.Nul);
            return new UTF8Encoding(false, throwOnInvalidBytes: true);
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>The text of a whole file, without its byte order mark.</summary>
    public static string Decode(byte[] bytes, string section, string fileName)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var encoding = Check(stream, section, fileName);
        var preamble = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : encoding is UnicodeEncoding ? 2 : 0;
        try
        {
            return encoding.GetString(bytes, preamble, bytes.Length - preamble);
        }
        catch (DecoderFallbackException)
        {
            throw FileRefused.Because(section, fileName, "tệp có dấu UTF-16 nhưng nội dung không phải UTF-16 hợp lệ; lưu lại với mã hóa UTF-8 (invalid UTF-16)");
        }
    }

    static ImportFailedException NotUtf8(string section, string fileName, long line, bool nul) =>
        FileRefused.Because(section, fileName, nul
            ? $"có byte 0 (NUL) ở dòng {line}: tệp nhị phân hoặc UTF-16 không có dấu BOM; lưu lại tệp CSV/JSON với mã hóa UTF-8 (binary or UTF-16 file)"
            : $"Tệp không phải UTF-8 (có thể là Windows-1258, TCVN3 hay Latin-1), byte sai đầu tiên ở dòng {line}; lưu lại với mã hóa UTF-8, không nhập chữ lỗi (file is not UTF-8)",
            (int)Math.Min(line, int.MaxValue));

    /// <summary>The line of the first byte that is not UTF-8, or of the first NUL; null when the whole stream is clean UTF-8.</summary>
    public static (long Line, bool Nul)? FirstBadByte(Stream stream)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Chunk + 4);
        var chars = ArrayPool<char>.Shared.Rent(Chunk + 4);
        try
        {
            long line = 1;
            var carry = 0;
            while (true)
            {
                var n = stream.Read(bytes, carry, Chunk);
                var length = carry + n;
                var final = n == 0;
                var span = bytes.AsSpan(0, length);
                var status = Utf8.ToUtf16(span, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
                var good = span[..read];
                var nul = good.IndexOf((byte)0);
                if (nul >= 0) return (line + good[..nul].Count((byte)'\n'), true);
                line += good.Count((byte)'\n');
                if (status == OperationStatus.InvalidData) return (line, false);
                if (final) return null;
                carry = length - read;
                span[read..].CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
