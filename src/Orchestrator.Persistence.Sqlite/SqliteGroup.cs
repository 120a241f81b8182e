using Microsoft.Data.Sqlite;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.GroupCommit;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// One open group commit on a SQLite file: a transaction on a connection of its own, into which members' shares are
/// released (each was a savepoint while its context worked), and the task every member waits on until it is committed.
/// Everything here runs under the file's gate (<see cref="SqliteWriter"/>).
/// </summary>
internal sealed class SqliteGroup
{
    private readonly SqliteWriter _writer;
    private readonly DatabaseActivity? _activity;
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _ended;

    public SqliteGroup(SqliteWriter writer, SqliteConnection connection, DatabaseActivity? activity, TimeProvider clock)
    {
        _writer = writer;
        _activity = activity;
        Connection = connection;
        Transaction = connection.BeginTransaction();
        activity?.CountRaw(1);
        Started = clock.GetTimestamp();
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    /// <summary>When the group began (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long Started { get; }

    /// <summary>Shares released into the group so far: work that waits for its commit.</summary>
    public int Shares { get; set; }

    /// <summary>Completes when the group is committed; faults with <see cref="GroupCommitFailedException"/> when it could not be.</summary>
    public Task Durable => _durable.Task;

    /// <summary>
    /// Whether the transaction is still open. SQLite ends a transaction by itself on some errors (a full disk, an I/O
    /// error): then every share released into it is gone, and the group must fail rather than commit what is left.
    /// </summary>
    public bool Alive => !_ended && Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>Commits every share: their members' waits return.</summary>
    public void Commit()
    {
        if (_ended)
        {
            return;
        }

        if (!Alive)
        {
            Fail(new InvalidOperationException("SQLite ended the group's transaction by itself (after an I/O error or a full disk)."));
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
        if (ReferenceEquals(_writer.Open, this))
        {
            _writer.Open = null;
        }
    }

    private void DisposeQuietly()
    {
        try
        {
            Transaction.Dispose();
        }
        catch (SqliteException)
        {
            // Disposing rolls back a transaction not completed; one SQLite already ended has nothing to roll back.
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            if (Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                Transaction.Rollback();
            }

            _activity?.CountRaw(1, rollbacks: 1);
        }
        catch (SqliteException)
        {
            // The connection is broken: the next group opens afresh and SQLite undoes what was not committed.
        }
    }
}
