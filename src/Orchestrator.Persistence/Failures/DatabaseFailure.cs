using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orchestrator.Persistence.Failures;

/// <summary>
/// Tells a database that is down, or out of disk, from everything else, whatever the provider: the API answers those
/// with 503/507 and the workflow runtime retries them, while any other exception keeps its own handling.
/// </summary>
public static class DatabaseFailure
{
    /// <summary>How Microsoft.Data.Sqlite words SQLITE_FULL (result code 13, "database or disk is full").</summary>
    private const string SqliteFull = "SQLite Error 13:";

    /// <summary>Looks through the exception and its inner exceptions (EF Core and Orleans wrap the driver's).</summary>
    public static DatabaseFailureKind Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // A group commit that failed stored nothing of any member: temporary, as what ended it (a full disk, say) is.
                case GroupCommit.GroupCommitFailedException failed:
                    return failed.InnerException is { } cause && Classify(cause) is var kind and not DatabaseFailureKind.None ? kind : DatabaseFailureKind.Unavailable;
                // This project knows no driver: SqliteException's message always starts with its result code.
                case DbException db when db.GetType().Name == "SqliteException" && db.Message.StartsWith(SqliteFull, StringComparison.Ordinal):
                    return DatabaseFailureKind.DiskFull;
                case DbException { IsTransient: true }:
                case RetryLimitExceededException:
                    return DatabaseFailureKind.Unavailable;

                // SQL's connection exceptions (08…) and PostgreSQL's shutdown codes (57P01-03), which a session killed by a
                // stopping server gets whether or not the driver calls them transient.
                case DbException { SqlState: { } state } when state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03":
                    return DatabaseFailureKind.Unavailable;
                case DbException db when db.GetType().Name == "NpgsqlException":
                    // Npgsql raises its base type for I/O and connect failures (a PostgresException is the server's answer).
                    return DatabaseFailureKind.Unavailable;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    return Classify(aggregate.InnerExceptions[0]);
            }
        }

        return DatabaseFailureKind.None;
    }

    /// <summary>True for <see cref="DatabaseFailureKind.Unavailable"/> and <see cref="DatabaseFailureKind.DiskFull"/>: retrying later helps.</summary>
    public static bool IsTemporary(Exception exception) => Classify(exception) != DatabaseFailureKind.None;
}
