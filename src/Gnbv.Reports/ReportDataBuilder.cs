using Gnbv.Data.Catalogue;
using Gnbv.Data.Database;
using Gnbv.Data.Units;
using Gnbv.Data.Values;
using Gnbv.Data.Workflow;
using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Documents;
using Gnbv.Domain.Formatting;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.Domain.Workflow;
using Gnbv.Domain.Works;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Reports;

/// <summary>Gathers what a report says about a unit and period: figures rolled up, documents, narratives.</summary>
public sealed class ReportDataBuilder(AppDbContext db, UnitTree tree, ValueRollup rollup, ValueExporter exporter, Completeness completeness)
{
    public async Task<(ReportData Data, ValueExport Export)> BuildAsync(OrgUnit unit, Period period, CancellationToken ct = default)
    {
        var export = await exporter.ExportAsync(unit, period, ct);
        var ids = await tree.RollupUnitIdsAsync(unit, ct);
        var parent = unit.ParentId is { } pid ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == pid, ct) : null;
        var items = await db.ProgramItems.AsNoTracking().ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.ProgramItem).ToDictionaryAsync(i => i.Code, ct);

        // Only the catalogues whose phase covers the period (2021-2025 for 2023S1).
        var phases = items.Where(i => i.Kind == ProgramItemKind.Program && i.Phase is not null)
            .Select(i => (i.Code, Phase: Period.TryParse(i.Phase, out var phase, out _) ? phase : null))
            .Where(x => x.Phase is not null && x.Phase.Contains(Period.Year(period.Start.Year)))
            .ToList();
        var active = phases.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);

        // The directive documents of the phase up to the end of the period, issued in the unit's subtree.
        var phaseStart = phases.Count > 0 ? phases.Min(x => x.Phase!.Start) : period.Start;
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.IssuerUnitId != null && ids.Contains(d.IssuerUnitId.Value) && d.IssuedOn >= phaseStart && d.IssuedOn <= period.End)
            .OrderBy(d => d.IssuedOn).ThenBy(d => d.Number)
            .ToListAsync(ct);
        var narratives = await db.ReportSections.AsNoTracking()
            .Where(s => s.OrgUnitId == unit.Id && s.Period!.Code == period.Id)
            .ToDictionaryAsync(s => s.SectionCode, s => s.Text, ct);
        IReadOnlyList<string> Lines(string code) =>
            narratives.TryGetValue(code, out var text) ? text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList() : [];

        var values = export.DataValues;
        FigureInfo Figure(IGrouping<string, ExportValue> g)
        {
            var total = g.FirstOrDefault(v => v.Disaggregation == "total");
            var parts = g.Where(v => v.Disaggregation != "total").Select(v => $"{v.DisaggregationName.ToLowerInvariant()}: {v.Display}").ToList();
            var first = total ?? g.First();
            return new FigureInfo(g.Key, first.Name, total?.Display ?? "", parts.Count == 0 ? "" : string.Join("; ", parts));
        }

        var targets = export.Targets.Select(t =>
        {
            var result = values.FirstOrDefault(v => v.DataElement == t.DataElement && v.Disaggregation == t.Disaggregation);
            var percent = result is not null && t.Value != 0 ? VnFormat.Percent(result.Value * 100 / t.Value, 1) : "";
            return new TargetInfo(t.Name, t.Display, result?.Display ?? "", percent, result is not null);
        }).ToList();
        // The registry's own figures (HN.*) are told in the poverty paragraph, not listed again.
        var policies = values.Where(v => v.ProgramItem is null && !v.DataElement.StartsWith("HN.", StringComparison.Ordinal)).GroupBy(v => v.DataElement).Select(Figure).ToList();

        var projects = new List<ProjectInfo>();
        var letter = 0;
        foreach (var item in CatalogueOrder.Sort(items.Where(i => active.Contains(i.ProgramCode)).ToList()))
        {
            if (item.Kind is not (ProgramItemKind.Project or ProgramItemKind.SubProject)) continue;
            var capital = export.Capital.FirstOrDefault(c => c.ProgramItem == item.Code);
            var results = values.Where(v => v.ProgramItem == item.Code).GroupBy(v => v.DataElement).Select(Figure).ToList();
            var works = export.Works.Where(w => w.ProgramItem == item.Code)
                .Select(w => new WorkInfo(w.Name, w.Location ?? "", WorkStatuses.VietnameseName(w.Status), w.IsNew ? "khởi công mới" : "chuyển tiếp")).ToList();
            var notes = Lines("II.2." + item.Code);
            var hasContent = capital is not null || results.Count > 0 || works.Count > 0 || notes.Count > 0;
            string heading;
            if (item.Kind == ProgramItemKind.Project)
            {
                var label = LetterLabel(letter++);
                heading = $"{label}) Dự án {Ordinal(item)}. {item.Name}";
            }
            else heading = $"Tiểu dự án {Ordinal(item)}. {item.Name}";
            var sources = capital is null ? "" : string.Join("; ", capital.Lines.Where(l => l.CarriedOverFrom is null)
                .GroupBy(l => l.Source).Select(g => $"{SourceName(g.Key)} {VnFormat.Millions(g.Sum(l => l.Amount))} triệu đồng"));
            projects.Add(new ProjectInfo(item.Code, heading, item.Kind == ProgramItemKind.SubProject, capital is not null,
                capital is null ? "" : VnFormat.Millions(capital.Total),
                capital is null ? "" : VnFormat.Millions(capital.AllocatedInYear),
                capital is null ? "" : VnFormat.Millions(capital.CarriedOver),
                capital is { CarriedOver: > 0 }, period.Start.Year, period.Start.Year - 1,
                sources,
                capital is null ? "" : VnFormat.Millions(capital.Disbursed),
                capital?.DisbursedPercent is { } p ? VnFormat.Percent(p, 1) : "",
                capital is { Disbursed: > 0 },
                results, works, notes, hasContent));
        }
        // A project heading stays when one of its sub-projects has content.
        projects = projects.Where((p, i) => p.HasContent || (!p.IsSubProject && projects.Skip(i + 1).TakeWhile(s => s.IsSubProject).Any(s => s.HasContent))).ToList();

        var kind = UnitKinds.VietnameseName(unit.Kind);
        var issuerBody = $"ỦY BAN NHÂN DÂN {kind.ToUpperInvariant()} {unit.Name.ToUpperInvariant()}";
        var parentBody = parent is null ? "" : $"UBND {UnitKinds.VietnameseName(parent.Kind).ToUpperInvariant()} {parent.Name.ToUpperInvariant()}";
        var hasData = values.Count > 0 || export.Capital.Count > 0 || export.Targets.Count > 0 || export.Works.Count > 0;
        var data = new ReportData(
            new UnitInfo(unit.Code, unit.Name, kind.ToLowerInvariant(), $"{kind.ToLowerInvariant()} {unit.Name}"),
            new IssuerInfo(parentBody, issuerBody, "UBND"),
            new PeriodInfo(period.Id, PeriodLabel(period), PeriodLabel(period.Next() ?? period), period.Start.Year),
            hasData,
            documents.Select(d => new DocumentInfo(DocumentKinds.Names.GetValueOrDefault(d.Kind, d.Kind), d.Number, VnFormat.Date(d.IssuedOn), d.IssuerName, d.Subject)).ToList(),
            targets, policies, projects,
            new NarrativeInfo(Lines("0"), Lines("I"), Lines("II.1"), Lines("III.1"), Lines("III.2"), Lines("IV"), Lines("V"), Lines("NOI_NHAN"), Lines("KY")),
            new CapitalTotals(
                VnFormat.Millions(export.Capital.Sum(c => c.Total)), VnFormat.Millions(export.Capital.Sum(c => c.AllocatedInYear)),
                VnFormat.Millions(export.Capital.Sum(c => c.CarriedOver)), VnFormat.Millions(export.Capital.Sum(c => c.Disbursed)), export.Capital.Count > 0),
            Submissions(await completeness.ForAsync(unit, period, ct)),
            await PovertyAsync(unit, ids, period, ct));
        return (data, export);
    }

    /// <summary>The census round a period is reported against: its own year's round when the period ends the year, else the year before's.</summary>
    public static int CensusYearOf(Period period) => period.End.Month == 12 && period.End.Day == 31 ? period.End.Year : period.Start.Year - 1;

    private async Task<PovertyInfo> PovertyAsync(OrgUnit unit, HashSet<int> ids, Period period, CancellationToken ct)
    {
        var year = CensusYearOf(period);
        var values = await rollup.ComputeAsync(unit, Period.Year(year), ct);
        var codes = await db.Indicators.AsNoTracking().Where(i => i.Code.StartsWith("HN.") || i.Code.StartsWith("MT.")).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var total = await db.Disaggregations.AsNoTracking().Where(d => d.Code == "total").Select(d => d.Id).SingleAsync(ct);
        var byCode = values.Where(v => v.DisaggregationId == total && codes.ContainsKey(v.IndicatorId)).ToDictionary(v => codes[v.IndicatorId], v => v.Value);
        string N(string code) => byCode.TryGetValue(code, out var v) ? VnFormat.Number(v) : "";
        string P(string code) => byCode.TryGetValue(code, out var v) ? VnFormat.Percent(v) : "";
        var any = byCode.ContainsKey("HN.HO_NGHEO");
        var fromRegistry = any && await db.DataValues.AsNoTracking().AnyAsync(v => v.FromRegistry && ids.Contains(v.OrgUnitId) && v.Period!.Code == Period.Year(year).Id, ct);
        var synthetic = fromRegistry && await db.Households.AsNoTracking().AnyAsync(h => h.Synthetic && ids.Contains(h.OrgUnitId), ct);
        return new PovertyInfo(any, year, year + 1, fromRegistry, synthetic, N("HN.SO_HO"), N("HN.HO_NGHEO"), P("HN.TY_LE_HO_NGHEO"),
            N("HN.HO_CAN_NGHEO"), P("HN.TY_LE_HO_CAN_NGHEO"), byCode.ContainsKey("HN.HO_THOAT_NGHEO"), N("MT.HO_NGHEO_GIAM"),
            byCode.TryGetValue("MT.TY_LE_HO_NGHEO_GIAM", out var drop) ? VnFormat.Number(drop) + " điểm phần trăm" : "",
            N("HN.HO_THOAT_NGHEO"), N("HN.HO_NGHEO_PHAT_SINH"), N("HN.HO_TAI_NGHEO"), N("HN.HO_DU_KIEN_THOAT_NGHEO"));
    }

    /// <summary>The sub-units' rows of the completeness table, in words: "Đã gửi 03/07/2023 (đúng hạn)".</summary>
    private static SubmissionsInfo Submissions(CompletenessReport c)
    {
        var rows = c.Rows.Where(r => !r.IsSelf).ToList();
        static string Cell(CompletenessCell x) => x.SubmittedAt is { } at && Completeness.IsIn(x.State)
            ? $"{(x.State == SubmissionState.Approved ? "Đã duyệt" : "Đã gửi")} {VnFormat.Date(Completeness.VietnamDate(at))} ({Completeness.VietnameseName(x.Timeliness).ToLowerInvariant()})"
            : Completeness.VietnameseName(x.Timeliness) + (x.State == SubmissionState.Returned ? " (bị trả lại)" : "");
        return new SubmissionsInfo(rows.Count > 0, VnFormat.Date(c.AsOf),
            rows.Sum(r => r.Cells.Count), rows.Sum(r => r.Cells.Count(x => Completeness.IsIn(x.State))), rows.Sum(r => r.Cells.Count(x => x.Timeliness == Completeness.OnTime)),
            c.DataSets.Select(d => $"{d.Name} (hạn {VnFormat.Date(d.Due)})").ToList(),
            rows.Select(r => new SubmissionRowInfo(r.UnitName, r.Cells.Select(Cell).ToList())).ToList());
    }

    public static string PeriodLabel(Period p) => p.Type switch
    {
        PeriodType.SixMonthly => p.Start.Month == 1 ? $"6 tháng đầu năm {p.Start.Year}" : $"6 tháng cuối năm {p.Start.Year}",
        PeriodType.Quarterly => $"quý {(p.Start.Month - 1) / 3 + 1} năm {p.Start.Year}",
        PeriodType.Monthly => $"tháng {p.Start.Month} năm {p.Start.Year}",
        PeriodType.Yearly => $"năm {p.Start.Year}",
        _ => $"giai đoạn {p.Id}",
    };

    private static string Ordinal(ProgramItem item) => new string(item.Code.Reverse().TakeWhile(char.IsDigit).Reverse().ToArray());

    private static string LetterLabel(int i) => i < VietnameseLetters.Length ? VietnameseLetters[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The order Vietnamese documents letter their items: a, b, c, d, đ, e, g, h, i, k...
    private static readonly string[] VietnameseLetters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n"];

    public static string SourceName(string code) => code switch
    {
        "NSTW_DTPT" => "vốn đầu tư phát triển NSTW",
        "NSTW_SN" => "vốn sự nghiệp NSTW",
        "NSDP" => "ngân sách địa phương",
        _ => code,
    };
}
