using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Gnbv.IntegrationTests.Infrastructure;

namespace Gnbv.IntegrationTests.Imports.Hostile;

/// <summary>Builds the broken and hostile files the import readers must refuse: real bytes, made here, not fixtures.</summary>
public static class HostileFiles
{
    /// <summary>A small valid household list: code headers, two households of Lý Bôn (01294).</summary>
    public static readonly string[][] HouseholdRows =
    [
        ["household_code", "commune", "village", "area", "ethnicity", "census_year", "income", "water", "name", "birth_year", "sex", "relation", "citizen_id"],
        ["LB-001", "01294", "Nà Mòn", "Nông thôn", "Mông", "2022", "1200000", "x", "Lý Văn Pà", "1970", "Nam", "Chủ hộ", "004070000001"],
        ["LB-001", "01294", "", "", "", "", "", "", "Hoàng Thị Mỷ", "1972", "Nữ", "Vợ", "004172000002"],
        ["LB-002", "01294", "Nà Mòn", "Nông thôn", "Tày", "2022", "2500000", "", "Nông Văn Sơn", "1980", "Nam", "Chủ hộ", "004080000003"],
    ];

    public static string HouseholdCsv(string[][]? rows = null) => string.Join("\n", (rows ?? HouseholdRows).Select(r => string.Join(',', r))) + "\n";

    public static byte[] HouseholdXlsx(Action<XlsxInput>? change = null)
    {
        var sheet = new XlsxInput("Danh sách").TextRows(HouseholdRows);
        change?.Invoke(sheet);
        return sheet.ToBytes();
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] FirstHalf(byte[] bytes) => bytes[..(bytes.Length / 2)];

    /// <summary>A ZIP laid out like an XLSX whose sheet is megabytes of zeros squeezed to a few kilobytes.</summary>
    public static byte[] ZipBomb(int megabytes = 40)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++) sheet.Write(zeros);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The same bomb with its sheet's sizes rewritten to claim 1,000 bytes, in the local header and in
    /// the central directory: only counting the bytes really inflated finds it.
    /// </summary>
    public static byte[] LyingZipBomb()
    {
        var bytes = ZipBomb(8);
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30).StartsWith(name))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), 1000);
            if (signature == 0x02014b50 && bytes.AsSpan(i + 46).StartsWith(name))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), 1000);
        }
        return bytes;
    }

    /// <summary>
    /// A minimal OLE compound file (version 3, 512-byte sectors: header, one FAT sector, one directory
    /// sector) holding the streams an encrypted OOXML workbook has (EncryptionInfo, EncryptedPackage),
    /// or, for an old .xls, a "Workbook" stream.
    /// </summary>
    public static byte[] CompoundFile(params string[] streams)
    {
        var file = new byte[512 * 3];
        var h = file.AsSpan();
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], 0xFFFFFFFE);
        h[0x4C..0x200].Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x4C..], 0);
        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);
        string[] names = ["Root Entry", .. streams];
        for (var i = 0; i < names.Length && i < 4; i++)
        {
            var entry = file.AsSpan(1024 + 128 * i, 128);
            var name = Encoding.Unicode.GetBytes(names[i]);
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(name.Length + 2));
            entry[0x42] = (byte)(i == 0 ? 5 : 2);
            entry[0x43] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], i > 0 && i + 1 < names.Length ? (uint)(i + 1) : 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], i == 0 && names.Length > 1 ? 1 : 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], 0xFFFFFFFE);
        }
        return file;
    }

    public static byte[] EncryptedXlsx() => CompoundFile("EncryptionInfo", "EncryptedPackage");

    public static byte[] OldXls() => CompoundFile("Workbook");

    /// <summary>Text in a legacy Vietnamese code page (Windows-1258), as old Excel "CSV" saves it.</summary>
    public static byte[] Windows1258(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258).GetBytes(text);
    }

    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static byte[] Utf16(string text, bool bom) => bom ? [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)] : Encoding.Unicode.GetBytes(text);
}
