using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Gnbv.Data.Households;

namespace Gnbv.Reports.Households;

/// <summary>
/// The blank household list communes fill in: the header row of the import layout on the first
/// sheet, and a second sheet explaining every column (what to write, codes allowed).
/// </summary>
public static class HouseholdTemplate
{
    public static void WriteXlsx(Stream output, IReadOnlyList<HouseholdColumn>? layout = null)
    {
        using var book = new XLWorkbook();
        var columns = layout ?? HouseholdColumns.All;
        var sheet = book.Worksheets.Add(columns == SupportColumns.All ? "Hỗ trợ đã nhận" : "Danh sách hộ");
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = sheet.Cell(1, i + 1);
            cell.Value = columns[i].Header;
            cell.Style.Font.Bold = true;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Fill.BackgroundColor = columns[i].HouseholdLevel ? XLColor.FromHtml("#E8F0FE") : XLColor.FromHtml("#FFF4E5");
            sheet.Column(i + 1).Width = Math.Clamp(columns[i].Header.Length + 4, 10, 28);
        }
        // Citizen IDs keep their leading zeros only as text.
        sheet.Column(columns.ToList().FindIndex(c => c.Key == "citizen_id") + 1).Style.NumberFormat.Format = "@";
        sheet.SheetView.FreezeRows(1);

        var help = book.Worksheets.Add("Hướng dẫn");
        help.Cell(1, 1).Value = "Cột";
        help.Cell(1, 2).Value = "Mã (tiêu đề thay thế)";
        help.Cell(1, 3).Value = "Cách ghi";
        help.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < columns.Count; i++)
        {
            help.Cell(i + 2, 1).Value = columns[i].Header;
            help.Cell(i + 2, 2).Value = columns[i].Key;
            help.Cell(i + 2, 3).Value = (columns[i].HouseholdLevel ? "Thông tin hộ (ghi ở dòng đầu của hộ). " : "Thông tin thành viên. ") + columns[i].Hint;
        }
        var note = columns.Count + 3;
        help.Cell(note, 1).Value = "Mỗi thành viên một dòng; các dòng của một hộ liền nhau. Nhập lại tệp thì cập nhật hộ theo mã hộ và số CCCD, không tạo hộ trùng.";
        help.Column(1).Width = 36;
        help.Column(2).Width = 22;
        help.Column(3).Width = 90;
        book.SaveAs(output);
    }

    public static void WriteCsv(TextWriter output, IReadOnlyList<HouseholdColumn>? layout = null)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in layout ?? HouseholdColumns.All) csv.WriteField(c.Header);
        csv.NextRecord();
    }
}
