using System.Globalization;
using CsvHelper;
using Gnbv.Data.Households;
using Gnbv.Reports.Xlsx;

namespace Gnbv.Reports.Households;

/// <summary>
/// The blank household list communes fill in: the header row of the import layout on the first
/// sheet, and a second sheet explaining every column (what to write, codes allowed).
/// </summary>
public static class HouseholdTemplate
{
    public static void WriteXlsx(Stream output, IReadOnlyList<HouseholdColumn>? layout = null)
    {
        var book = new WorkbookWriter();
        var columns = layout ?? HouseholdColumns.All;
        var sheet = book.AddSheet(columns == SupportColumns.All ? "Hỗ trợ đã nhận" : "Danh sách hộ");
        // Citizen IDs keep their leading zeros only as text.
        var text = new CellStyle { NumberFormat = "@" };
        for (var i = 0; i < columns.Count; i++)
        {
            var isId = columns[i].Key == "citizen_id";
            sheet.Text(1, i + 1, columns[i].Header, new CellStyle
            {
                Bold = true,
                Wrap = true,
                Fill = columns[i].HouseholdLevel ? "E8F0FE" : "FFF4E5",
                NumberFormat = isId ? "@" : null,
            });
            sheet.ColumnWidth(i + 1, Math.Clamp(columns[i].Header.Length + 4, 10, 28), isId ? text : null);
        }
        sheet.FreezeRows(1);

        var help = book.AddSheet("Hướng dẫn");
        var bold = new CellStyle { Bold = true };
        help.Text(1, 1, "Cột", bold);
        help.Text(1, 2, "Mã (tiêu đề thay thế)", bold);
        help.Text(1, 3, "Cách ghi", bold);
        for (var i = 0; i < columns.Count; i++)
        {
            help.Text(i + 2, 1, columns[i].Header);
            help.Text(i + 2, 2, columns[i].Key);
            help.Text(i + 2, 3, (columns[i].HouseholdLevel ? "Thông tin hộ (ghi ở dòng đầu của hộ). " : "Thông tin thành viên. ") + columns[i].Hint);
        }
        help.Text(columns.Count + 3, 1, "Mỗi thành viên một dòng; các dòng của một hộ liền nhau. Nhập lại tệp thì cập nhật hộ theo mã hộ và số CCCD, không tạo hộ trùng.");
        help.ColumnWidth(1, 36);
        help.ColumnWidth(2, 22);
        help.ColumnWidth(3, 90);
        book.Save(output);
    }

    public static void WriteCsv(TextWriter output, IReadOnlyList<HouseholdColumn>? layout = null)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in layout ?? HouseholdColumns.All) csv.WriteField(c.Header);
        csv.NextRecord();
    }
}
