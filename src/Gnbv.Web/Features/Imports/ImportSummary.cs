using Gnbv.Data.Database;
using Gnbv.Data.Imports;
using Gnbv.Web.Infrastructure.Auth;

namespace Gnbv.Web.Features.Imports;

/// <summary>What an accepted write did, per section: created, updated, unchanged, deleted.</summary>
public sealed record ImportSummary(string Status, bool DryRun, int Rows, IReadOnlyDictionary<string, SectionCounts> Sections)
{
    public static ImportSummary From(ImportResult r) => new(r.DryRun ? "DRY_RUN" : "OK", r.DryRun, r.Rows, r.Sections);

    /// <summary>Every write of the API goes through the importer: validated row by row, all or nothing.</summary>
    public static async Task<ImportSummary> RunAsync(PackageImporter importer, CurrentActor actor, ImportPackage package, bool dryRun, string source, CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        return From(await importer.ImportAsync(package, new ImportOptions(DryRun: dryRun, Source: source, Actor: who), ct));
    }
}
