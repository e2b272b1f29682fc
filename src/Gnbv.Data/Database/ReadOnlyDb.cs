using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gnbv.Data.Database;

/// <summary>
/// Contexts for reading only (reports, dashboards, figures): on the streaming replica named by
/// <see cref="DatabaseOptions.ReadOnlyConnectionString"/> (GNBV_DB_READONLY), else on the primary.
/// They track nothing and refuse to save, so a write can never land on a replica, nor reach the
/// primary by this path without its locks and audit. A replica lags the primary (usually by
/// milliseconds, seconds under load): what was saved a moment ago may not be in it yet.
/// </summary>
public sealed class ReadOnlyDb
{
    /// <summary>The DI key of the read-only context and of the figure services registered over it.</summary>
    public const string Key = "read-only";

    private readonly DbContextOptions<AppDbContext> _options;

    public ReadOnlyDb(DatabaseOptions options, TimeProvider clock)
    {
        IsReplica = !string.IsNullOrWhiteSpace(options.ReadOnlyConnectionString);
        var target = new DatabaseOptions
        {
            Provider = options.Provider,
            ConnectionString = IsReplica ? options.ReadOnlyConnectionString! : options.ConnectionString,
        };
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DbContextSetup.Configure(builder, target, clock)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(RefuseSaves.Instance);
        _options = builder.Options;
        ConnectionString = target.ConnectionString;
    }

    /// <summary>True when reads go to a separate (replica) connection, false when they fall back to the primary.</summary>
    public bool IsReplica { get; }

    /// <summary>The connection the contexts open.</summary>
    public string ConnectionString { get; }

    /// <summary>A new context on the read-only connection; the caller disposes it.</summary>
    public AppDbContext Create() => new(_options) { Actor = "read-only" };

    private sealed class RefuseSaves : SaveChangesInterceptor
    {
        public static readonly RefuseSaves Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw Refused();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw Refused();

        private static InvalidOperationException Refused() =>
            new("a read-only context (reports, dashboards: GNBV_DB_READONLY) cannot save; write through the primary context");
    }
}
