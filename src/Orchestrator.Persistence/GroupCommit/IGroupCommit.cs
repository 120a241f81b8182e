namespace Orchestrator.Persistence.GroupCommit;

/// <summary>
/// A database on which many contexts' write transactions can share one commit (DESIGN.md §6, point 3 of the durability
/// contract): each context's work is a savepoint inside a transaction the group holds open; one commit makes all of it
/// durable. A context joins through <see cref="OrchestratorDbContext.BeginWorkAsync"/> once it has been given the group
/// (<see cref="OrchestratorDbContext.GroupCommit"/>); nothing else changes for code that reads and saves through it.
/// </summary>
public interface IGroupCommit
{
    /// <summary>
    /// Waits for the database's writer, then puts <paramref name="db"/> inside the group's transaction, under a savepoint of
    /// its own: what it saves until <see cref="IGroupMember.CommitAsync"/> is its share of the group.
    /// </summary>
    Task<IGroupMember> JoinAsync(OrchestratorDbContext db, CancellationToken cancellationToken);
}

/// <summary>One context's share of a group commit (see <see cref="IGroupCommit"/>).</summary>
public interface IGroupMember
{
    /// <summary>
    /// Keeps the share in the group, gives the writer back and returns once the group is committed. Throws
    /// <see cref="GroupCommitFailedException"/> when the group could not be: then nothing of the share is stored.
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Undoes the share (back to its savepoint) and gives the writer back; the rest of the group is not touched.</summary>
    void Rollback();
}
