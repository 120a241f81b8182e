using System.Data.Common;

namespace Orchestrator.Persistence.GroupCommit;

/// <summary>
/// A group commit failed (the disk is full, the file cannot be written, or a member's failure ended the transaction): no
/// share of the group was stored. Transient, so callers treat it as the database being unavailable (see
/// <see cref="Failures.DatabaseFailure"/>): a workflow run forgets what it did and runs again from its last commit.
/// </summary>
public sealed class GroupCommitFailedException(string message, Exception? inner) : DbException(message, inner)
{
    public override bool IsTransient => true;
}
