using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Gnbv.Reports.Charts;

/// <summary>An RGB raster with filled rectangles and a 5x7 pixel font for codes and numbers, saved as PNG.</summary>
public sealed class Png(int width, int height)
{
    private readonly byte[] _pixels = Enumerable.Repeat((byte)255, width * height * 3).ToArray();

    public int Width { get; } = width;
    public int Height { get; } = height;

    public void Fill(int x, int y, int w, int h, (byte R, byte G, byte B) color)
    {
        for (var yy = Math.Max(0, y); yy < Math.Min(Height, y + h); yy++)
            for (var xx = Math.Max(0, x); xx < Math.Min(Width, x + w); xx++)
            {
                var i = (yy * Width + xx) * 3;
                _pixels[i] = color.R;
                _pixels[i + 1] = color.G;
                _pixels[i + 2] = color.B;
            }
    }

    /// <summary>Draws ASCII codes and numbers (A-Z, 0-9, . , % - / space) at the given pixel scale; other characters are skipped.</summary>
    public int Text(int x, int y, string text, int scale, (byte, byte, byte) color)
    {
        foreach (var c in text.ToUpperInvariant())
        {
            if (Glyphs.TryGetValue(c, out var rows))
                for (var r = 0; r < 7; r++)
                    for (var b = 0; b < 5; b++)
                        if ((rows[r] >> (4 - b) & 1) == 1) Fill(x + b * scale, y + r * scale, scale, scale, color);
            x += 6 * scale;
        }
        return x;
    }

    public static int TextWidth(string text, int scale) => text.Length * 6 * scale;

    public byte[] Encode()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (var y = 0; y < Height; y++)
            {
                z.WriteByte(0); // no filter
                z.Write(_pixels, y * Width * 3, Width * 3);
            }
        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32(typeBytes.Concat(data).ToArray());
        BinaryPrimitives.WriteUInt32BigEndian(length, crc);
        s.Write(length);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static readonly Dictionary<char, int[]> Glyphs = new()
    {
        ['0'] = [14, 17, 19, 21, 25, 17, 14],
        ['1'] = [4, 12, 4, 4, 4, 4, 14],
        ['2'] = [14, 17, 1, 2, 4, 8, 31],
        ['3'] = [31, 2, 4, 2, 1, 17, 14],
        ['4'] = [2, 6, 10, 18, 31, 2, 2],
        ['5'] = [31, 16, 30, 1, 1, 17, 14],
        ['6'] = [6, 8, 16, 30, 17, 17, 14],
        ['7'] = [31, 1, 2, 4, 8, 8, 8],
        ['8'] = [14, 17, 17, 14, 17, 17, 14],
        ['9'] = [14, 17, 17, 15, 1, 2, 12],
        ['.'] = [0, 0, 0, 0, 0, 12, 12],
        [','] = [0, 0, 0, 0, 12, 4, 8],
        ['%'] = [24, 25, 2, 4, 8, 19, 3],
        ['-'] = [0, 0, 0, 31, 0, 0, 0],
        ['/'] = [0, 1, 2, 4, 8, 16, 0],
        [' '] = [0, 0, 0, 0, 0, 0, 0],
        ['A'] = [14, 17, 17, 31, 17, 17, 17],
        ['B'] = [30, 17, 17, 30, 17, 17, 30],
        ['C'] = [14, 17, 16, 16, 16, 17, 14],
        ['D'] = [30, 17, 17, 17, 17, 17, 30],
        ['E'] = [31, 16, 16, 30, 16, 16, 31],
        ['F'] = [31, 16, 16, 30, 16, 16, 16],
        ['G'] = [14, 17, 16, 23, 17, 17, 15],
        ['H'] = [17, 17, 17, 31, 17, 17, 17],
        ['I'] = [14, 4, 4, 4, 4, 4, 14],
        ['J'] = [7, 2, 2, 2, 2, 18, 12],
        ['K'] = [17, 18, 20, 24, 20, 18, 17],
        ['L'] = [16, 16, 16, 16, 16, 16, 31],
        ['M'] = [17, 27, 21, 21, 17, 17, 17],
        ['N'] = [17, 17, 25, 21, 19, 17, 17],
        ['O'] = [14, 17, 17, 17, 17, 17, 14],
        ['P'] = [30, 17, 17, 30, 16, 16, 16],
        ['Q'] = [14, 17, 17, 17, 21, 18, 13],
        ['R'] = [30, 17, 17, 30, 20, 18, 17],
        ['S'] = [15, 16, 16, 14, 1, 1, 30],
        ['T'] = [31, 4, 4, 4, 4, 4, 4],
        ['U'] = [17, 17, 17, 17, 17, 17, 14],
        ['V'] = [17, 17, 17, 17, 17, 10, 4],
        ['W'] = [17, 17, 17, 21, 21, 21, 10],
        ['X'] = [17, 17, 10, 4, 10, 17, 17],
        ['Y'] = [17, 17, 17, 10, 4, 4, 4],
        ['Z'] = [31, 1, 2, 4, 8, 16, 31],
    };
}
