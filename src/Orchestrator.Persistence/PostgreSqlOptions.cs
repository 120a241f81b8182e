namespace Orchestrator.Persistence;

/// <summary>The <c>Database:PostgreSql</c> section.</summary>
public sealed class PostgreSqlOptions
{
    /// <summary>
    /// Lets workflow runs' commits share one PostgreSQL transaction (group commit, see <c>PostgreSqlGroupCommit</c>): each
    /// run still answers only once its work is committed. On by default; off commits every run on its own, as before
    /// 2026-12-07.
    /// </summary>
    public bool GroupCommit { get; set; } = true;
}
