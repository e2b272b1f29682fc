using System.CommandLine;
using System.Text.Json;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Domain;
using Gnbv.Domain.Households;

namespace Gnbv.Cli.Commands;

public static class ClassifyCommand
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var standard = new Option<string?>("--standard") { Description = "Chuẩn nghèo, đặt theo năm: 2022-2025, 2027-2030" };
        var year = new Option<int?>("--year") { Description = "Năm rà soát: dùng chuẩn áp dụng cho năm đó (thay cho --standard)" };
        var area = new Option<string>("--area") { Description = "rural (nông thôn) | urban (thành thị)", Required = true };
        var income = new Option<long?>("--income") { Description = "Thu nhập bình quân, đồng/người/tháng" };
        var scoreA = new Option<int?>("--score-a") { Description = "Điểm A của phiếu chấm điểm (thay cho --income)" };
        var deprived = new Option<string?>("--deprived") { Description = "Các chỉ số thiếu hụt, cách nhau dấu phẩy: employment,dependents,nutrition,health-insurance,adult-education,child-schooling,housing-quality,housing-area,water,sanitation,telecom,information-access" };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON" };
        var command = new Command("classify", "Phân loại một hộ theo chuẩn nghèo đa chiều: nghèo, cận nghèo, mức sống trung bình, không nghèo, và lý do")
            { standard, year, area, income, scoreA, deprived, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var s = parse.GetValue(standard) is { } code ? await cli.Get<Standards>().ByCodeAsync(code, ct)
                : parse.GetValue(year) is { } y ? await cli.Get<Standards>().ForYearAsync(y, ct)
                : throw new DomainException("Cho --standard (2022-2025) hoặc --year (năm rà soát) (give a standard or a year)");
            var result = PovertyClassifier.Classify(s, HouseholdStatuses.ParseArea(parse.GetValue(area)!), parse.GetValue(income), parse.GetValue(scoreA),
                (parse.GetValue(deprived) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            if (parse.GetValue(json))
                await io.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    status = result.StatusCode,
                    standard = result.Standard,
                    area = HouseholdStatuses.AreaCode(result.Area),
                    income = result.Income,
                    incomeLine = result.IncomeLine,
                    scoreA = result.ScoreA,
                    scoreALine = result.ScoreALine,
                    underLine = result.UnderLine,
                    deprived = result.Deprived,
                    deprivationCount = result.Deprived.Count,
                    scoreB = result.ScoreB,
                    poorMinScoreB = result.PoorMinScoreB,
                    averageUpper = result.AverageUpper,
                    reasons = result.Reasons,
                }, ImportFileReader.Json));
            else
            {
                await io.Out.WriteLineAsync($"{result.StatusCode}: {HouseholdStatuses.VietnameseName(result.Status)}");
                foreach (var r in result.Reasons.SkipLast(1)) await io.Out.WriteLineAsync("  " + r);
            }
            return 0;
        });
        return command;
    }
}
