using System.Data.Common;
using Orchestrator.Persistence.Diagnostics;

namespace Orchestrator.Persistence.GroupCommit;

/// <summary>
/// One open group commit: a transaction on a connection of its own, into which members' shares are released (each was a
/// savepoint while its context worked), and the task every member waits on until it is committed. Everything here runs
/// under the database's gate (<see cref="GroupGate"/>).
/// </summary>
public sealed class CommitGroup
{
    private readonly GroupGate _gate;
    private readonly DatabaseActivity? _activity;
    private readonly Func<DbConnection, DbTransaction, bool> _isOpen;
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _ended;

    /// <param name="isOpen">Whether the database still holds the transaction open (SQLite ends one by itself on some errors).</param>
    public CommitGroup(GroupGate gate, DbConnection connection, DatabaseActivity? activity, TimeProvider clock, Func<DbConnection, DbTransaction, bool> isOpen)
    {
        _gate = gate;
        _activity = activity;
        _isOpen = isOpen;
        Connection = connection;
        Transaction = connection.BeginTransaction();
        activity?.CountRaw(1);
        Started = clock.GetTimestamp();
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>When the group began (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long Started { get; }

    /// <summary>Shares released into the group so far: work that waits for its commit.</summary>
    public int Shares { get; set; }

    /// <summary>Completes when the group is committed; faults with <see cref="GroupCommitFailedException"/> when it could not be.</summary>
    public Task Durable => _durable.Task;

    /// <summary>
    /// Whether the transaction is still open. SQLite ends a transaction by itself on some errors (a full disk, an I/O
    /// error), and a connection can break: then every share released into it is gone, and the group must fail rather
    /// than commit what is left.
    /// </summary>
    public bool Alive => !_ended && _isOpen(Connection, Transaction);

    /// <summary>Commits every share: their members' waits return.</summary>
    public void Commit()
    {
        if (_ended)
        {
            return;
        }

        if (FailIfEnded())
        {
            return;
        }

        End();
        try
        {
            Transaction.Commit();
            _activity?.CountRaw(1, commits: 1);
            _durable.TrySetResult();
        }
        catch (Exception ex)
        {
            RollBackQuietly();
            _durable.TrySetException(new GroupCommitFailedException($"A group commit of {Shares} share(s) failed: {ex.Message}", ex));
        }
        finally
        {
            DisposeQuietly();
        }
    }

    /// <summary>
    /// When the database ended the transaction by itself (see <see cref="Alive"/>), gives the group up and returns true:
    /// it must not commit what is left of it.
    /// </summary>
    public bool FailIfEnded()
    {
        if (Alive)
        {
            return false;
        }

        Fail(new InvalidOperationException("The database ended the group's transaction by itself (after an I/O error, a full disk or a broken connection)."));
        return true;
    }

    /// <summary>Gives the group up: nothing of it is stored, and every member waiting for it hears why.</summary>
    public void Fail(Exception cause)
    {
        if (_ended)
        {
            return;
        }

        End();
        RollBackQuietly();
        DisposeQuietly();
        _durable.TrySetException(new GroupCommitFailedException($"A group commit of {Shares} share(s) was given up: {cause.Message}", cause));
    }

    private void End()
    {
        _ended = true;
        if (ReferenceEquals(_gate.Open, this))
        {
            _gate.Open = null;
        }
    }

    private void DisposeQuietly()
    {
        try
        {
            Transaction.Dispose();
        }
        catch (DbException)
        {
            // Disposing rolls back a transaction not completed; one the database already ended has nothing to roll back.
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            if (_isOpen(Connection, Transaction))
            {
                Transaction.Rollback();
            }

            _activity?.CountRaw(1, rollbacks: 1);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The connection is broken: the next group opens afresh and the database undoes what was not committed.
        }
    }
}
