namespace Orchestrator.Persistence.Failures;

/// <summary>What a database exception says about the database itself, as opposed to the request or the data.</summary>
public enum DatabaseFailureKind
{
    /// <summary>Not a failure of the database (a constraint, a concurrency conflict, a bug): handled where it happens.</summary>
    None,

    /// <summary>The database cannot be reached or refused to work for now; the same work succeeds once it is back.</summary>
    Unavailable,

    /// <summary>The disk holding the database is full (SQLite's SQLITE_FULL); the same work succeeds once space is freed.</summary>
    DiskFull,
}
