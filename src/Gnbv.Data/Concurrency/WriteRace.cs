using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gnbv.Data.Concurrency;

/// <summary>
/// Whether a failed write lost a race with another writer: a row changed meanwhile (the version
/// check matched nothing), a row inserted meanwhile (unique key), or on PostgreSQL a serialization
/// failure or deadlock. Such a save is a conflict (409) to retry, not a server error.
/// </summary>
public static class WriteRace
{
    public static bool Lost(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        StaleRowsException => true,
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        // SQLITE_CONSTRAINT with the UNIQUE extended code; SQLITE_BUSY when another writer held the file too long.
        SqliteException sq => sq.SqliteExtendedErrorCode == 2067 || sq.SqliteErrorCode == 5,
        _ => e.InnerException is { } inner && Lost(inner),
    };
}

/// <summary>A set-based UPDATE or DELETE that found fewer rows at the versions it read than it was given.</summary>
public sealed class StaleRowsException(string table, int expected, int matched)
    : Exception($"{table}: {expected - matched} of {expected} rows changed meanwhile");
