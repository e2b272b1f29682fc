using Gnbv.Data.Concurrency;
using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.Data.Users;
using Gnbv.Data.Values;
using Gnbv.Domain.Imports;
using Gnbv.Domain.Time;

namespace Gnbv.Data.Imports;

public sealed record ImportOptions(bool DryRun = false, string Source = "", string Sha256 = "", bool SkipIfAlreadyImported = false, Actor? Actor = null);

/// <summary>
/// Applies an import package in one transaction, section by section (metadata before the data that
/// uses it). Any error in any row rolls everything back: nothing is half-written. A dry run checks
/// every row the same way, then rolls back.
/// </summary>
public sealed class PackageImporter(AppDbContext db, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(ImportPackage package, ImportOptions options, CancellationToken ct = default)
    {
        if (package.Format is { } format && format != ImportPackage.FormatName)
            throw new ImportFailedException([new ImportError("format", 0, null, "format", $"'{format}' không được hỗ trợ; dùng '{ImportPackage.FormatName}' (unsupported format)")]);

        // Null rows, control characters, invisible characters in codes: refused before a row is applied.
        if (PackageCheck.Errors(package) is { Count: > 0 } textErrors) throw new ImportFailedException(textErrors);

        if (options.SkipIfAlreadyImported && options.Sha256.Length > 0 && db.ImportRuns.Any(r => r.Sha256 == options.Sha256))
            return new ImportResult { Skipped = true, Rows = package.RowCount };

        var result = new ImportResult { DryRun = options.DryRun, Rows = package.RowCount };
        var actor = options.Actor ?? Actor.System;
        var ctx = new ImportContext(db, result, actor, clock);
        if (!actor.CanWriteData) throw new ImportForbiddenException([new ImportError("*", 0, null, "*", $"{actor.Name} chỉ được xem, không được ghi (read-only role)", true)]);
        if (options.Actor is not null) db.Actor = actor.Name;
        var reason = package.Reason?.Trim();
        if (reason is { Length: > 2000 }) throw new ImportFailedException([new ImportError("reason", 0, null, "reason", "Lý do dài quá 2000 ký tự (too long)")]);
        db.Reason = string.IsNullOrEmpty(reason) ? null : reason;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (package.OrgUnits is { } units && ctx.RequireMetadataRight("orgUnits")) await OrgUnitImport.ApplyAsync(ctx, units, ct);
            if (package.Catalogue is { } catalogue && ctx.RequireMetadataRight("catalogue")) await CatalogueImport.ApplyAsync(ctx, catalogue, ct);
            if (package.FundingSources is { } sources && ctx.RequireMetadataRight("fundingSources")) await MetadataImport.ApplySourcesAsync(ctx, sources, ct);
            if (package.Disaggregations is { } ds && ctx.RequireMetadataRight("disaggregations")) await MetadataImport.ApplyDisaggregationsAsync(ctx, ds, ct);
            if (package.Indicators is { } indicators && ctx.RequireMetadataRight("indicators")) await MetadataImport.ApplyIndicatorsAsync(ctx, indicators, ct);
            if (package.ValidationRules is { } rules && ctx.RequireMetadataRight("validationRules")) await ValidationRuleImport.ApplyAsync(ctx, rules, ct);
            if (package.PovertyStandards is { } standards && ctx.RequireMetadataRight("povertyStandards")) await PovertyStandardImport.ApplyAsync(ctx, standards, ct);
            if (package.DataSets is { } dataSets && ctx.RequireMetadataRight("dataSets")) await DataSetImport.ApplyAsync(ctx, dataSets, ct);
            if (package.Documents is { } documents) await DocumentImport.ApplyAsync(ctx, documents, ct);
            if (package.CapitalAllocations is { } allocations) await FinanceImport.ApplyAllocationsAsync(ctx, allocations, ct);
            if (package.Disbursements is { } disbursements) await FinanceImport.ApplyDisbursementsAsync(ctx, disbursements, ct);
            if (package.Works is { } works) await WorkImport.ApplyAsync(ctx, works, ct);
            if (package.Targets is { } targets) await TargetImport.ApplyAsync(ctx, targets, ct);
            if (package.DataValues is { } values) await DataValueImport.ApplyAsync(ctx, values, ct);
            if (package.ReportSections is { } sections) await ReportSectionImport.ApplyAsync(ctx, sections, ct);

            if (ctx.Errors.Any(e => e.Forbidden)) throw new ImportForbiddenException(ctx.Errors.Where(e => e.Forbidden).ToList());
            if (ctx.Errors.Count > 0) throw new ImportFailedException(ctx.Errors);
            if (options.DryRun)
            {
                await tx.RollbackAsync(ct);
                return result;
            }
            if (options.Sha256.Length > 0)
            {
                db.ImportRuns.Add(new ImportRun
                {
                    Source = options.Source.Length > 300 ? options.Source[..300] : options.Source,
                    Sha256 = options.Sha256,
                    ImportedAt = clock.UtcNow(),
                    ImportedBy = db.Actor,
                    Rows = package.RowCount,
                });
                await db.SaveChangesAsync(ct);
            }
            FailPoints.Hit(FailPoints.PackageBeforeCommit);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (Exception e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            // Another writer got there first (a value changed or inserted meanwhile, a code taken):
            // a conflict naming what changed, not a server error; nothing of this import is written.
            if (e is not EditConflictException && WriteRace.Lost(e))
                throw new EditConflictException(await ValueConflicts.FindAsync(db, ctx.ValueReads, CancellationToken.None));
            throw;
        }
        finally
        {
            db.Reason = null;
            if (options.DryRun) db.ChangeTracker.Clear();
        }
    }
}
