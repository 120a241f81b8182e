namespace Orchestrator.Persistence;

/// <summary>The <c>Database:Sqlite</c> section.</summary>
public sealed class SqliteOptions
{
    /// <summary>
    /// Caps the database at this many pages (SQLite's <c>max_page_count</c>, set on every connection), so a write past it
    /// fails with SQLITE_FULL as on a full disk; null leaves SQLite's own limit. For a quota on a shared disk, and for tests.
    /// </summary>
    public int? MaxPageCount { get; set; }

    /// <summary>
    /// Lets workflow runs' commits share one SQLite transaction (group commit, see <c>SqliteGroupCommit</c>): each run still
    /// answers only once its work is committed. On by default; off commits every run on its own, as before.
    /// </summary>
    public bool GroupCommit { get; set; } = true;
}
