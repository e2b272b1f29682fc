using System.Globalization;
using CsCheck;
using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Data.Values;
using Gnbv.Data.Workflow;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Gnbv.Domain.Workflow;
using Gnbv.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.IntegrationTests.Properties;

/// <summary>
/// Issue 15, done when: random writes at months, quarters and half-years, with approvals between
/// them, never change an approved figure, and no figure counts a stored value twice. Each sample
/// runs its operations against a model (what is stored, what is approved) that predicts every
/// outcome: a value of another period type than its indicator's is refused, a change inside an
/// approved period is a conflict, anything else lands. At the end every figure of every unit and
/// period of the year is the model's sum, each approved figure is what it was when approved, and the
/// periods stored for one indicator and unit never overlap.
/// </summary>
public abstract class ApprovedFigurePropertyTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly string[] Communes = ["90101", "90102", "90103"];

    /// <summary>A monthly, a quarterly and a half-yearly indicator of the seed catalogue.</summary>
    private static readonly (string Code, PeriodType Type)[] Indicators =
        [("HT.THE_BHYT", PeriodType.Monthly), ("CS.TIEN_DIEN_HO", PeriodType.Quarterly), ("CS.TD_HO_NGHEO_LUOT", PeriodType.SixMonthly)];

    private static readonly Period[] Year = [.. Enumerable.Range(1, 12).Select(m => Period.Parse($"2023{m:00}")),
        .. Enumerable.Range(1, 4).Select(q => Period.Parse($"2023Q{q}")), Period.Parse("2023S1"), Period.Parse("2023S2"), Period.Parse("2023")];

    /// <summary>A write (value 0 deletes) or an approval of a commune's values for a period.</summary>
    public sealed record Op(bool Approve, int Commune, int Indicator, Period Period, int Value)
    {
        public override string ToString() => Approve ? $"approve {Communes[Commune]} {Period}" : $"{Indicators[Indicator].Code} {Communes[Commune]} {Period} = {(Value == 0 ? "(delete)" : Value)}";
    }

    private static readonly Gen<Period> WritePeriod = Gen.Int[0, Year.Length - 2].Select(i => Year[i]);
    private static readonly Gen<Period> AnyPeriod = Gen.Int[0, Year.Length - 1].Select(i => Year[i]);

    private static readonly Gen<Op> Write = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], WritePeriod, Gen.Int[0, 9], (c, i, p, v) => new Op(false, c, i, p, v));
    private static readonly Gen<Op> Approval = Gen.Select(Gen.Int[0, 2], AnyPeriod, (c, p) => new Op(true, c, 0, p, 0));
    private static readonly Gen<Op[]> Ops = Gen.Frequency((5, Write), (1, Approval)).Array[10, 25];

    [Fact]
    public async Task RandomWritesAndApprovals_NeverMoveAnApprovedFigure_AndNoFigureCountsAStoredValueTwice()
    {
        await ImportAsync(new() { OrgUnits = TestUnits.Tree() });
        Dictionary<string, OrgUnit> units;
        await using (var db = Context())
            units = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith("/90/")).ToDictionaryAsync(u => u.Code);
        var runs = 0;
        // Bounded by iterations, not time, with a fixed seed: the same samples on every machine.
        await Ops.SampleAsync(async ops =>
        {
            runs++;
            await ResetAsync();
            await RunAsync(ops, units);
        }, iter: 10, threads: 1, seed: "0000000Gnbv15", print: ops => string.Join("; ", ops));
        runs.ShouldBeGreaterThanOrEqualTo(10);
    }

    private async Task ResetAsync()
    {
        await using var db = Context();
        await db.Set<SubmissionEvent>().ExecuteDeleteAsync();
        await db.Submissions.ExecuteDeleteAsync();
        await db.DataValueChanges.ExecuteDeleteAsync();
        await db.DataValues.ExecuteDeleteAsync();
    }

    private async Task RunAsync(Op[] ops, Dictionary<string, OrgUnit> units)
    {
        // One context for the sample (its services are built once), cleared after every step as a new request would be.
        await using var db = Context();
        var importer = db.Service<PackageImporter>();
        var workflow = db.Service<WorkflowService>();
        var rollup = db.Service<ValueRollup>();
        var codes = await db.Indicators.AsNoTracking().Where(i => Indicators.Select(x => x.Code).Contains(i.Code)).ToDictionaryAsync(i => i.Id, i => i.Code);
        var total = await db.Disaggregations.AsNoTracking().Where(d => d.Code == "total").Select(d => d.Id).SingleAsync();
        async Task<decimal?[]> FiguresAsync(OrgUnit unit, Period period)
        {
            var values = (await rollup.ComputeAsync(unit, period))
                .Where(v => v.DisaggregationId == total && codes.ContainsKey(v.IndicatorId)).ToDictionary(v => codes[v.IndicatorId], v => v.Value);
            return [.. Indicators.Select(i => values.TryGetValue(i.Code, out var v) ? v : (decimal?)null)];
        }

        var stored = new Dictionary<(int Indicator, int Commune, Period Period), int>();
        var approved = new List<(int Commune, Period Period, decimal?[] Figures)>();
        decimal? Model(int indicator, IReadOnlyCollection<int> communes, Period period)
        {
            var parts = stored.Where(s => s.Key.Indicator == indicator && communes.Contains(s.Key.Commune) && period.Contains(s.Key.Period)).ToList();
            return parts.Count == 0 ? null : parts.Sum(s => (decimal)s.Value);
        }

        foreach (var op in ops)
        {
            if (op.Approve)
            {
                if (approved.Any(a => a.Commune == op.Commune && a.Period == op.Period)) continue;
                var unit = units[Communes[op.Commune]];
                var blocking = await workflow.BlockingAsync(unit, op.Period, DataSets.Values);
                await workflow.SubmitAsync(Actor.System, unit, op.Period, DataSets.Values, blocking.Select(b => b.Rule).Distinct().ToDictionary(r => r, _ => "thử nghiệm"));
                await workflow.ApproveAsync(Actor.System, unit, op.Period, DataSets.Values);
                db.ChangeTracker.Clear();
                var figures = Enumerable.Range(0, Indicators.Length).Select(i => Model(i, [op.Commune], op.Period)).ToArray();
                (await FiguresAsync(units[Communes[op.Commune]], op.Period)).ShouldBe(figures, $"{op}: the figure approved is the stored values' sum");
                approved.Add((op.Commune, op.Period, figures));
                continue;
            }

            var key = (op.Indicator, op.Commune, op.Period);
            var had = stored.TryGetValue(key, out var old);
            var changes = op.Value == 0 ? had : !had || old != op.Value;
            var expected =
                op.Value != 0 && op.Period.Type != Indicators[op.Indicator].Type ? "refused"
                : changes && approved.Any(a => a.Commune == op.Commune && a.Period.Contains(op.Period)) ? "locked"
                : "ok";
            string actual;
            try
            {
                await importer.ImportAsync(new ImportPackage
                {
                    DataValues = [TestUnits.Value(Communes[op.Commune], op.Period.Id, op.Value == 0 ? "" : op.Value.ToString(CultureInfo.InvariantCulture), Indicators[op.Indicator].Code)],
                }, new ImportOptions());
                actual = "ok";
            }
            catch (ImportFailedException e)
            {
                e.Errors.ShouldHaveSingleItem().Field.ShouldBe("period", op.ToString());
                actual = "refused";
            }
            catch (WorkflowConflictException)
            {
                actual = "locked";
            }
            db.ChangeTracker.Clear();
            actual.ShouldBe(expected, op.ToString());
            if (actual != "ok") continue;
            if (op.Value == 0) stored.Remove(key);
            else stored[key] = op.Value;
        }

        // Every approved figure is still what it was approved at.
        foreach (var (commune, period, figures) in approved)
            (await FiguresAsync(units[Communes[commune]], period)).ShouldBe(figures, $"approved {Communes[commune]} {period}");

        // Every figure, of a commune, the district and the province, in every period of the year, adds each stored value once.
        var subtree = new Dictionary<string, int[]> { ["90101"] = [0], ["90102"] = [1], ["90103"] = [2], ["901"] = [0, 1, 2], ["90"] = [0, 1, 2] };
        foreach (var (code, communes) in subtree)
            foreach (var period in Year)
                (await FiguresAsync(units[code], period)).ShouldBe(Enumerable.Range(0, Indicators.Length).Select(i => Model(i, communes, period)).ToArray(), $"{code} {period}");

        // And the database itself holds no two overlapping periods for one indicator and unit.
        {
            var rows = await db.DataValues.AsNoTracking().Select(v => new { v.IndicatorId, v.OrgUnitId, v.DisaggregationId, v.Period!.StartDate, v.Period.EndDate }).ToListAsync();
            foreach (var g in rows.GroupBy(r => (r.IndicatorId, r.OrgUnitId, r.DisaggregationId)))
            {
                var sorted = g.OrderBy(r => r.StartDate).ToList();
                for (var i = 1; i < sorted.Count; i++) sorted[i].StartDate.ShouldBeGreaterThan(sorted[i - 1].EndDate, "two stored periods of one value overlap");
            }
        }
    }
}

public sealed class ApprovedFigurePropertyTests_Sqlite() : ApprovedFigurePropertyTests(DatabaseProvider.Sqlite);

[Trait(Db.Trait, Db.Postgres)]
public sealed class ApprovedFigurePropertyTests_Postgres() : ApprovedFigurePropertyTests(DatabaseProvider.Postgres);
