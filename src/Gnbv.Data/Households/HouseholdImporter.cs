using System.Diagnostics;
using System.Text.Json;
using Gnbv.Data.Database;
using Gnbv.Data.Diagnostics;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Audit;
using Gnbv.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gnbv.Data.Households;

public sealed record HouseholdImportOptions(Actor Actor, int? DefaultYear = null, bool DryRun = false, bool Synthetic = false, string Source = "", string? Reason = null, FileLimits? Limits = null);

/// <summary>How far an import is: rows read, households staged, and bytes of the file read (for a progress bar).</summary>
public sealed record HouseholdImportProgress(string Stage, long Rows, long Households, long BytesRead, long BytesTotal);

public sealed class HouseholdImportResult
{
    public long Rows { get; set; }
    public long Households { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Members { get; set; }
    public int MembersRemoved { get; set; }
    public int CensusEntries { get; set; }
    public bool DryRun { get; set; }
    public List<int> Years { get; } = [];
    public List<string> Warnings { get; } = [];
    public TimeSpan Elapsed { get; set; }

    /// <summary>Seconds spent per stage: read (parse, classify, stage), check, merge, publish.</summary>
    public Dictionary<string, double> Stages { get; } = [];

    public string Summary() =>
        $"{Rows} dòng, {Households} hộ: thêm {Created}, cập nhật {Updated}; {Members} thành viên ghi, {MembersRemoved} bỏ; {CensusEntries} kết quả rà soát" +
        (Years.Count > 0 ? $" năm {string.Join(", ", Years)}" : "") + (DryRun ? " (chạy thử, chưa ghi)" : "") +
        (Warnings.Count > 0 ? $"; {Warnings.Count} cảnh báo" : "");
}

/// <summary>
/// Imports a commune's household list (CSV or XLSX, one row per member): streams the file, checks and
/// classifies each household, stages it in temporary tables, checks duplicates and matches in SQL,
/// merges, and republishes the registry figures of the census years it touched, all in one
/// transaction: any error leaves the database as it was and lists every row at fault.
/// </summary>
public sealed class HouseholdImporter(AppDbContext db, TimeProvider clock, RegistryUnits registryUnits, RegistryPublisher registry)
{
    public async Task<HouseholdImportResult> ImportAsync(Stream file, string fileName, HouseholdImportOptions options,
        IProgress<HouseholdImportProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (!options.Actor.CanWriteData)
            throw new ImportForbiddenException([new ImportError("households", 0, null, "*", $"{options.Actor.Name} chỉ được xem, không được ghi (read-only role)", true)]);
        var units = await registryUnits.ByCodeAsync(ct);
        var standards = await db.PovertyStandards.AsNoTracking().ToListAsync(ct);
        var parser = new HouseholdRowParser(units, standards, options.Actor, options.DefaultYear, clock.VietnamYear());
        var result = new HouseholdImportResult { DryRun = options.DryRun };
        var years = new SortedSet<int>();
        long total = file.CanSeek ? file.Length : 0;

        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stage = RegistryStage.Create(db.Database.GetDbConnection(), tx.GetDbTransaction());
        await stage.CreateAsync(ct);

        foreach (var group in HouseholdRowParser.Groups(HouseholdFileReader.Read(file, fileName, ["household_code", "commune", "name"], options.Limits)))
        {
            result.Households++;
            if (parser.Parse(group) is { } household && parser.ErrorCount == 0)
            {
                if (household.Year is { } y && household.Classification is not null) years.Add(y);
                await stage.AddAsync(household, options.Synthetic, ct);
            }
            var before = result.Rows;
            result.Rows += group.Count;
            if (result.Rows / 10_000 != before / 10_000)
                progress?.Report(new HouseholdImportProgress("read", result.Rows, result.Households, file.CanSeek ? file.Position : 0, total));
        }
        await stage.FlushAsync(ct);
        FailPoints.Hit(FailPoints.HouseholdAfterStaging);
        progress?.Report(new HouseholdImportProgress("read", result.Rows, result.Households, total, total));
        if (result.Rows == 0) throw HouseholdFileReader.Fail(2, "file", "tệp không có dòng dữ liệu nào (no data rows)");
        if (parser.Errors.Any(e => e.Forbidden)) throw new ImportForbiddenException(parser.Errors.Where(e => e.Forbidden).ToList());
        if (parser.ErrorCount > 0) throw new ImportFailedException(WithOverflow(parser));

        result.Stages["read"] = watch.Elapsed.TotalSeconds;
        progress?.Report(new HouseholdImportProgress("check", result.Rows, result.Households, total, total));
        await stage.IndexAsync(ct);
        await stage.LockCommunesAsync(ct);
        var elsewhere = new List<ImportError>();
        var conflicts = await HouseholdMerge.CheckAsync(stage, options.Actor.IsAdmin ? null : options.Actor.UnitPath ?? "\u0000", elsewhere, ct);
        if (conflicts.Count > 0)
        {
            if (elsewhere.Count > 0)
            {
                // Nothing of the import is kept, but the attempt is: someone holds citizen IDs registered
                // in another unit's households, which the administrator (who reads the account and
                // registry audit everywhere) may need to follow up.
                await tx.RollbackAsync(ct);
                db.AuditEntries.Add(new AuditEntry
                {
                    Entity = AuditEntities.HouseholdImport,
                    EntityKey = Path.GetFileName(options.Source.Length > 0 ? options.Source : fileName),
                    Action = "refused",
                    Changes = JsonSerializer.Serialize(new { citizenIdsRegisteredElsewhere = elsewhere.Count, lines = elsewhere.Select(e => e.Line).ToList() }),
                    Reason = "số CCCD đã đăng ký ở đơn vị khác (citizen IDs registered elsewhere)",
                    ChangedBy = options.Actor.Name,
                    ChangedAt = clock.UtcNow(),
                    OrgUnitId = options.Actor.UnitId,
                });
                await db.SaveChangesAsync(ct);
            }
            throw new ImportFailedException(conflicts);
        }

        result.Stages["check"] = watch.Elapsed.TotalSeconds - result.Stages.Values.Sum();
        progress?.Report(new HouseholdImportProgress("merge", result.Rows, result.Households, total, total));
        var counts = await HouseholdMerge.ApplyAsync(stage, clock.UtcNow(), ct);
        FailPoints.Hit(FailPoints.HouseholdAfterMerge);
        result.Created = counts.Created;
        result.Updated = counts.Updated;
        result.Members = counts.Members;
        result.MembersRemoved = counts.MembersRemoved;
        result.CensusEntries = counts.CensusEntries;
        result.Warnings.AddRange(parser.Warnings);
        result.Years.AddRange(years);

        result.Stages["merge"] = watch.Elapsed.TotalSeconds - result.Stages.Values.Sum();
        progress?.Report(new HouseholdImportProgress("publish", result.Rows, result.Households, total, total));
        if (options.Actor != Actor.System) db.Actor = options.Actor.Name;
        db.Reason = options.Reason;
        await registry.PublishChangedAsync(years, ct);

        // A list imported as it is stored changed nothing: nothing to audit (its figures were not rewritten either).
        if (result.Created + result.Updated + result.Members + result.MembersRemoved + result.CensusEntries > 0)
            db.AuditEntries.Add(new AuditEntry
            {
                Entity = AuditEntities.HouseholdImport,
                EntityKey = Path.GetFileName(options.Source.Length > 0 ? options.Source : fileName),
                Action = "insert",
                Changes = JsonSerializer.Serialize(new { rows = result.Rows, households = result.Households, created = result.Created, updated = result.Updated, members = result.Members, removed = result.MembersRemoved, census = result.CensusEntries, years = result.Years }),
                Reason = options.Reason,
                ChangedBy = options.Actor.Name,
                ChangedAt = clock.UtcNow(),
                OrgUnitId = options.Actor.UnitId,
            });
        await db.SaveChangesAsync(ct);
        FailPoints.Hit(FailPoints.HouseholdBeforeCommit);

        if (options.DryRun) await tx.RollbackAsync(ct);
        else await tx.CommitAsync(ct);
        result.Stages["publish"] = watch.Elapsed.TotalSeconds - result.Stages.Values.Sum();
        result.Elapsed = watch.Elapsed;
        return result;
    }

    static List<ImportError> WithOverflow(HouseholdRowParser parser)
    {
        var errors = parser.Errors.ToList();
        if (parser.ErrorCount > errors.Count)
            errors.Add(new ImportError("households", 0, null, "*", $"và {parser.ErrorCount - errors.Count} lỗi khác (and more errors)"));
        return errors;
    }
}
