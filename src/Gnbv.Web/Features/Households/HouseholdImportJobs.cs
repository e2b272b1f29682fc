using System.Collections.Concurrent;
using Gnbv.Data.Database;
using Gnbv.Data.Households;
using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Time;

namespace Gnbv.Web.Features.Households;

public sealed record ImportRowError(int? Line, string Field, string Column, string Message);

/// <summary>What the progress bar and the API show of an import job.</summary>
public sealed record ImportJobStatus(string Job, string FileName, string Stage, string StageName, long Rows, long Households, int Percent,
    bool Done, bool Succeeded, string? Summary, HouseholdImportResult? Result, List<ImportRowError>? Errors, string? Error);

/// <summary>One household list being imported in the background; only its starter may read it.</summary>
public sealed class HouseholdImportJob : IProgress<HouseholdImportProgress>
{
    private HouseholdImportProgress _progress = new("queued", 0, 0, 0, 0);

    public required string Id { get; init; }
    public required string User { get; init; }
    public required string FileName { get; init; }
    public required DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; private set; }
    public HouseholdImportResult? Result { get; private set; }
    public IReadOnlyList<ImportError>? Errors { get; private set; }
    public string? Failure { get; private set; }

    public void Report(HouseholdImportProgress value) => _progress = value;

    internal void Finish(DateTime finishedAt, HouseholdImportResult? result, IReadOnlyList<ImportError>? errors, string? failure)
    {
        Result = result;
        Errors = errors;
        Failure = failure;
        _progress = _progress with { Stage = result is null ? "failed" : "done" };
        FinishedAt = finishedAt;
    }

    public ImportJobStatus Status()
    {
        var p = _progress;
        // Reading (and classifying) is most of the work; the SQL steps after it are short.
        var percent = p.Stage switch
        {
            "read" => p.BytesTotal > 0 ? (int)(70 * p.BytesRead / p.BytesTotal) : 0,
            "check" => 75,
            "merge" => 85,
            "publish" => 95,
            "done" or "failed" => 100,
            _ => 0,
        };
        return new ImportJobStatus(Id, FileName, p.Stage, StageName(p.Stage), p.Rows, p.Households, percent, FinishedAt is not null, Result is not null,
            Result?.Summary(), Result,
            Errors?.Select(e => new ImportRowError(e.Line, e.Field, HouseholdColumns.All.FirstOrDefault(c => c.Key == e.Field)?.Header ?? e.Field, e.Message)).ToList(),
            Failure);
    }

    public static string StageName(string stage) => stage switch
    {
        "queued" => "Đang chờ",
        "read" => "Đọc, kiểm tra và phân loại",
        "check" => "Kiểm tra trùng",
        "merge" => "Ghi vào sổ hộ",
        "publish" => "Tính lại số liệu",
        "done" => "Đã nhập xong",
        _ => "Không nhập được, không ghi gì",
    };
}

/// <summary>
/// The household imports running in this process, kept in memory: a job is started from a file
/// saved to a temporary path and read by the importer in its own scope; its progress, result or row
/// errors stay readable for an hour. A restart forgets them (the import itself is all-or-nothing).
/// </summary>
public sealed class HouseholdImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<HouseholdImportJobs> log)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, HouseholdImportJob> _jobs = new();

    public async Task<HouseholdImportJob> StartAsync(Actor actor, Stream upload, string fileName, int? year, string? reason, CancellationToken ct = default)
    {
        foreach (var old in _jobs.Values.Where(j => j.FinishedAt < clock.UtcNow() - Keep)) _jobs.TryRemove(old.Id, out _);
        // The sent name is the client's: only its safe last segment is shown, logged and read for the format.
        var name = Infrastructure.UploadFileName.Sanitize(fileName);
        var path = Path.Combine(Path.GetTempPath(), $"gnbv-household-import-{Guid.NewGuid():N}{Infrastructure.UploadFileName.KnownExtension(name)}");
        await using (var file = File.Create(path)) await upload.CopyToAsync(file, ct);
        var job = new HouseholdImportJob { Id = Guid.NewGuid().ToString("N"), User = actor.Name, FileName = name, StartedAt = clock.UtcNow() };
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, actor, path, year, reason), CancellationToken.None);
        return job;
    }

    public HouseholdImportJob? Get(string id, Actor actor) => _jobs.TryGetValue(id, out var job) && job.User == actor.Name ? job : null;

    private async Task RunAsync(HouseholdImportJob job, Actor actor, string path, int? year, string? reason)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var result = await scope.ServiceProvider.GetRequiredService<HouseholdImporter>().ImportAsync(stream, job.FileName,
                new HouseholdImportOptions(actor, year, Source: "web:" + job.FileName, Reason: reason), job, ct);
            job.Finish(clock.UtcNow(), result, null, null);
        }
        catch (ImportFailedException e) { job.Finish(clock.UtcNow(), null, e.Errors, e.Message); }
        catch (ImportForbiddenException e) { job.Finish(clock.UtcNow(), null, e.Errors, e.Message); }
        catch (Gnbv.Domain.DomainException e) { job.Finish(clock.UtcNow(), null, null, e.Message); }
        catch (Exception e)
        {
            // The job's reader sees a failure, never a job stuck half-way; the log keeps the details.
            log.LogError(e, "Household import {Job} of {File} failed", job.Id, job.FileName);
            job.Finish(clock.UtcNow(), null, null, "Lỗi hệ thống khi nhập, không ghi gì (internal error, nothing written)");
        }
        finally
        {
            try { File.Delete(path); }
            catch (IOException e) { log.LogWarning(e, "Could not delete {Path}", path); }
        }
    }
}
