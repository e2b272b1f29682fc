using System.IO.Compression;
using System.Text;

namespace Gnbv.Data.Imports;

/// <summary>
/// Looks at an XLSX before the OpenXML SDK opens it: an empty or truncated file, a password-protected
/// workbook (an OLE compound file, not a ZIP), an old .xls, and a zip bomb. The declared sizes of the
/// ZIP entries and their compression ratios are checked first; then every entry is inflated once,
/// counting the bytes it really expands to, because a crafted ZIP can declare small sizes.
/// </summary>
public static class XlsxGuard
{
    static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    const long RatioCheckedAbove = 1024 * 1024;

    /// <summary>Checks a seekable stream from its current position, which it restores.</summary>
    public static void Check(Stream stream, string section, string fileName, FileLimits limits)
    {
        var start = stream.Position;
        try
        {
            var length = stream.Length - start;
            if (length == 0) throw FileRefused.Because(section, fileName, "tệp rỗng, không có dữ liệu (empty file)");
            if (length > limits.MaxFileBytes)
                throw FileRefused.Because(section, fileName, $"tệp {Mib(length)} vượt giới hạn kích thước tệp {Mib(limits.MaxFileBytes)} (MaxFileBytes)");
            var head = new byte[8];
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n == 8 && head.AsSpan().SequenceEqual(Ole))
            {
                stream.Position = start;
                throw FileRefused.Because(section, fileName, IsEncrypted(stream)
                    ? "Tệp Excel được đặt mật khẩu (mã hóa), không đọc được; hãy bỏ mật khẩu rồi tải lại (password-protected workbook)"
                    : "đây là tệp Excel 97-2003 (.xls), không phải .xlsx; mở bằng Excel và lưu lại dạng .xlsx (old .xls format)");
            }
            if (n < 4 || !head.AsSpan(0, 4).SequenceEqual(Zip))
                throw FileRefused.Because(section, fileName, "không phải tệp XLSX (không có chữ ký ZIP ở đầu tệp); lưu lại bằng Excel dạng .xlsx (not an XLSX file)");
            stream.Position = start;
            Inspect(stream, section, fileName, limits);
        }
        finally
        {
            stream.Position = start;
        }
    }

    static void Inspect(Stream stream, string section, string fileName, FileLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Damaged(section, fileName);
        }
        using (zip)
        {
            // The central directory is read on first use of Entries: a damaged one fails here (gnbv fuzz --seed 42).
            int entries;
            try
            {
                entries = zip.Entries.Count;
            }
            catch (InvalidDataException)
            {
                throw Damaged(section, fileName);
            }
            if (entries > limits.MaxXlsxEntries)
                throw FileRefused.Because(section, fileName, $"tệp nén có {entries} mục, vượt giới hạn {limits.MaxXlsxEntries} (MaxXlsxEntries)");
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxXlsxUncompressedBytes)
                    throw Bomb(section, fileName, $"khi giải nén lớn hơn {Mib(limits.MaxXlsxUncompressedBytes)} (MaxXlsxUncompressedBytes)");
                // Deflate never grows data by more than a few bytes a block: more compressed bytes than
                // that means the declared size is a lie (.NET stops inflating at the declared size).
                if (entry.CompressedLength > entry.Length + entry.Length / 100 + 1024)
                    throw Bomb(section, fileName, $"mục '{entry.FullName}' khai kích thước giải nén {entry.Length} byte không khớp với {entry.CompressedLength} byte nén");
                if (entry.Length > RatioCheckedAbove && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxXlsxCompressionRatio)
                    throw Bomb(section, fileName, $"mục '{entry.FullName}' nén với tỉ lệ {entry.Length / Math.Max(1, entry.CompressedLength)}:1, vượt giới hạn {limits.MaxXlsxCompressionRatio}:1 (MaxXlsxCompressionRatio)");
            }
            // The declared sizes are only what the file says: inflate each entry and count.
            var buffer = new byte[1 << 16];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                long read = 0;
                try
                {
                    using var content = entry.Open();
                    int n;
                    while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        read += n;
                        total += n;
                        if (total > limits.MaxXlsxUncompressedBytes)
                            throw Bomb(section, fileName, $"khi giải nén lớn hơn {Mib(limits.MaxXlsxUncompressedBytes)} (MaxXlsxUncompressedBytes)");
                        if (read > entry.Length)
                            throw Bomb(section, fileName, $"mục '{entry.FullName}' giải nén ra nhiều hơn kích thước nó khai ({entry.Length} byte)");
                        if (read > RatioCheckedAbove && read / Math.Max(1, entry.CompressedLength) > limits.MaxXlsxCompressionRatio)
                            throw Bomb(section, fileName, $"mục '{entry.FullName}' nén với tỉ lệ vượt giới hạn {limits.MaxXlsxCompressionRatio}:1 (MaxXlsxCompressionRatio)");
                    }
                }
                catch (InvalidDataException)
                {
                    throw Damaged(section, fileName);
                }
                catch (IOException)
                {
                    throw Damaged(section, fileName);
                }
            }
        }
    }

    /// <summary>
    /// An encrypted OOXML file keeps its package in the streams "EncryptionInfo" and "EncryptedPackage"
    /// of a compound file; their names are in its directory, whose first sector the header gives.
    /// </summary>
    static bool IsEncrypted(Stream stream)
    {
        var start = stream.Position;
        var name = Encoding.Unicode.GetBytes("EncryptionInfo");
        var header = new byte[512];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return false;
        var sectorSize = 1L << Math.Clamp((int)BitConverter.ToUInt16(header, 0x1E), 7, 16);
        var directory = BitConverter.ToUInt32(header, 0x30);
        var offset = start + (directory + 1L) * sectorSize;
        if (offset >= stream.Length) return false;
        stream.Position = offset;
        var sector = new byte[Math.Min(stream.Length - offset, sectorSize * 4)];
        stream.ReadAtLeast(sector, sector.Length, throwOnEndOfStream: false);
        return sector.AsSpan().IndexOf(name) >= 0;
    }

    static ImportFailedException Damaged(string section, string fileName) =>
        FileRefused.Because(section, fileName, "tệp XLSX bị hỏng hoặc không trọn vẹn (bị cắt khi sao chép, tải lên?); mở lại bằng Excel, lưu rồi tải lại (corrupt or truncated XLSX)");

    static ImportFailedException Bomb(string section, string fileName, string detail) =>
        FileRefused.Because(section, fileName, $"tệp XLSX bị từ chối vì {detail}: có thể là tệp nén độc hại (zip bomb)");

    static string Mib(long bytes) => $"{(bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} MiB";
}
