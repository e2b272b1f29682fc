using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gnbv.Data.Database;
using Gnbv.Domain.Periods;
using Gnbv.IntegrationTests.Infrastructure;
using Gnbv.Reports;
using Gnbv.Reports.Charts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gnbv.IntegrationTests.Reports;

/// <summary>One hot standby of the test server for the class: each test's database reaches it by streaming.</summary>
public sealed class StandbyFixture : IAsyncLifetime
{
    private HotStandby? _standby;

    public HotStandby Standby => _standby ?? throw new InvalidOperationException("no standby (GNBV_TEST_POSTGRES not set)");

    public async Task InitializeAsync()
    {
        // Built only when the tests will run (StandbyFact skips them otherwise).
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GNBV_TEST_POSTGRES")) && HotStandby.FindBinaries() is not null)
            _standby = await HotStandby.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_standby is not null) await _standby.DisposeAsync();
    }
}

/// <summary>Reports read from a streaming replica (GNBV_DB_READONLY): same figures as the primary, and no writes.</summary>
[Trait(Db.Trait, Db.Postgres)]
public sealed class ReplicaTests(StandbyFixture fixture) : IClassFixture<StandbyFixture>, IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        // Created and filled after the standby started: the data reaches it by streaming, not in the base backup.
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = _database.CreateContext();
        await db.Service<DemoData>().LoadAsync(skipIfLoaded: false);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string StandbyConnection => fixture.Standby.ConnectionString(new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!);

    private ReadOnlyDb ReadOnly() => new(new DatabaseOptions
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = _database.ConnectionString,
        ReadOnlyConnectionString = StandbyConnection,
    }, TimeProvider.System);

    private static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [StandbyFact]
    public async Task DistrictReport_FromAHotStandby_HasThePrimarysFigures()
    {
        await fixture.Standby.WaitForReplayAsync();
        var period = Period.Parse("2023S1");

        var readOnly = ReadOnly();
        readOnly.IsReplica.ShouldBeTrue();
        await using var replica = readOnly.Create();
        (await replica.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync()).ShouldBeTrue("the read-only context is on the standby");
        var fromStandby = await replica.Service<ReportService>().GenerateAsync(await replica.OrgUnits.SingleAsync(u => u.Code == "042"), period);

        await using var primary = _database.CreateContext();
        var fromPrimary = await primary.Service<ReportService>().GenerateAsync(await primary.OrgUnits.SingleAsync(u => u.Code == "042"), period);

        fromStandby.Document.HasData.ShouldBeTrue();
        var standbyText = Paragraphs(fromStandby.Docx);
        standbyText.ShouldBe(Paragraphs(fromPrimary.Docx));
        var all = string.Join("\n", standbyText);
        foreach (var figure in new[] { "798 hộ", "6,15%", "49.848 triệu đồng", "Đã giải ngân 15.008 triệu đồng, đạt 94,2% vốn bố trí", "hộ nghèo: 209 hộ; hộ cận nghèo: 40 hộ" })
            all.ShouldContain(figure);
    }

    [StandbyFact]
    public async Task CliReport_WithReadOnlyDb_ReadsTheStandby_WithoutOpeningThePrimary()
    {
        await fixture.Standby.WaitForReplayAsync();
        var output = Path.Combine(Path.GetTempPath(), $"gnbv-replica-{Guid.NewGuid():N}.docx");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            // The primary named here does not exist: the report must not need it.
            var code = await Gnbv.Cli.CliApp.RunAsync(["report", "--unit", "042", "--period", "2023S1", "--out", output,
                "--read-only-db", StandbyConnection, "--db", "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=2", "--provider", "postgres"], stdout, stderr);
            code.ShouldBe(0, stderr.ToString());
            string.Join("\n", Paragraphs(await File.ReadAllBytesAsync(output))).ShouldContain("49.848 triệu đồng");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [StandbyFact]
    public async Task Standby_RefusesWrites_AndTheReadOnlyContextRefusesToSave()
    {
        await fixture.Standby.WaitForReplayAsync();
        // A context that would write, pointed at the standby: the server refuses (read-only transaction).
        await using (var writer = DbContextSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = StandbyConnection }))
        {
            var e = await Should.ThrowAsync<PostgresException>(() => writer.Database.ExecuteSqlRawAsync("UPDATE data_values SET \"Value\" = 0"));
            e.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        }
        // The read-only context refuses before any SQL is sent, even when it falls back to the primary.
        var fallback = new ReadOnlyDb(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _database.ConnectionString }, TimeProvider.System);
        fallback.IsReplica.ShouldBeFalse();
        await using var db = fallback.Create();
        var section = await db.ReportSections.FirstAsync();
        db.Attach(section).State = EntityState.Modified;
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [StandbyFact]
    public async Task ReportEndpoint_WithGnbvDbReadOnly_ServesTheReplicasData()
    {
        await fixture.Standby.WaitForReplayAsync();
        await using var app = new GnbvApp(_database, loadDemo: false, readOnlyConnectionString: StandbyConnection);
        using var client = await app.ClientAsAsync("baolam");
        const string marker = "ĐÁNH DẤU BẢN SAO";
        const string url = "/api/v1/reports/042/2023S1/report.docx";

        // With replay paused the standby is behind: a change on the primary is not in the report it serves.
        await fixture.Standby.ExecuteAsync("SELECT pg_wal_replay_pause()");
        try
        {
            await using (var primary = _database.CreateContext())
                (await primary.Database.ExecuteSqlRawAsync(
                    "UPDATE report_sections SET \"Text\" = \"Text\" || ' " + marker + "' WHERE \"OrgUnitId\" = (SELECT \"Id\" FROM org_units WHERE \"Code\" = '042')"))
                    .ShouldBeGreaterThan(0);
            var behind = string.Join("\n", Paragraphs(await client.GetByteArrayAsync(url)));
            behind.ShouldContain("798 hộ");
            behind.ShouldNotContain(marker);
        }
        finally
        {
            await fixture.Standby.ExecuteAsync("SELECT pg_wal_replay_resume()");
        }

        await fixture.Standby.WaitForReplayAsync();
        string.Join("\n", Paragraphs(await client.GetByteArrayAsync(url))).ShouldContain(marker);
    }
}
