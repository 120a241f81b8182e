using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Orchestrator.Persistence.Diagnostics;

namespace Orchestrator.Persistence.GroupCommit;

/// <summary>
/// Group commit (DESIGN.md §6, contract point 3; <see cref="IGroupCommit"/>): the write transactions of many workflow
/// runs share one transaction and one commit, each under a savepoint of its own. Each provider says how its database is
/// gated and when its transaction is still open (<c>SqliteGroupCommit</c>, <c>PostgreSqlGroupCommit</c>).
/// <list type="bullet">
/// <item>A member waits for the database's gate, then works on the group's connection inside its transaction, under a
/// savepoint of its own; its reads see what earlier members wrote.</item>
/// <item>When it is done it releases its savepoint into the group and gives the gate back. If another member is queued
/// for the gate, the group stays open for it; otherwise (or at <see cref="MaxShares"/>, or the maximum delay after the
/// group began) the group commits then and there. So the group never waits on a timer while nobody is queued.</item>
/// <item>The member returns only once the group is committed: nothing is acknowledged before it is durable. A member
/// that fails rolls back to its savepoint; the others are not touched. When the group itself cannot commit, or the
/// database ended its transaction after an error, every member hears <see cref="GroupCommitFailedException"/>
/// (temporary): a workflow run then forgets what it did and runs again from its last commit, as after an outage.</item>
/// </list>
/// One per host (a DI singleton): it keeps the connection groups open on, made by EF from the members' own options so
/// that it has what EF's provider adds to its connections (SQLite's functions, this server's connection set-up).
/// </summary>
public abstract class GroupCommitWriter(DatabaseActivity? activity, TimeProvider clock, TimeSpan? maxDelay) : IGroupCommit, IDisposable
{
    /// <summary>At most this long from a group's start to its commit while members keep queueing (unless given).</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMilliseconds(20);

    private const string Savepoint = "share";

    private readonly Lock _sync = new();

    private readonly TimeSpan _maxDelay = maxDelay ?? DefaultMaxDelay;

    private DatabaseActivity? Activity => activity;

    private OrchestratorDbContext? _connectionOwner;
    private bool _disposed;

    /// <summary>At most this many shares in one group: a queue that never empties still commits this often.</summary>
    protected abstract int MaxShares { get; }

    /// <summary>The database's name in messages (<c>SQLite</c>, <c>PostgreSQL</c>).</summary>
    protected abstract string DatabaseName { get; }

    /// <summary>The gate of the database <paramref name="connection"/> is to.</summary>
    protected abstract GroupGate GateOf(DbConnection connection);

    /// <summary>Whether the database still holds <paramref name="transaction"/> open.</summary>
    protected abstract bool IsOpen(DbConnection connection, DbTransaction transaction);

    public async Task<IGroupMember> JoinAsync(OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var gate = GateOf(db.Database.GetDbConnection());
        if (!await gate.EnterAsync(cancellationToken))
        {
            throw new TimeoutException($"No {DatabaseName} group commit could start in {GroupGate.MaxWait.TotalSeconds:F0} s: another write transaction has been open all that time.");
        }

        try
        {
            var group = gate.Open;
            if (group?.FailIfEnded() == true)
            {
                group = null;
            }

            group ??= OpenGroup(gate, db);
            var share = new Share(this, gate, group, db);
            share.Attach();
            return share;
        }
        catch
        {
            gate.Leave();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
        }

        // Whatever is open on this host's connection commits before the connection goes.
        if (_connectionOwner is { } owner)
        {
            var connection = owner.Database.GetDbConnection();
            var gate = GateOf(connection);
            if (gate.Enter())
            {
                try
                {
                    if (gate.Open is { } open && ReferenceEquals(open.Connection, connection))
                    {
                        open.Commit();
                    }
                }
                finally
                {
                    gate.Leave();
                }
            }

            owner.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private CommitGroup OpenGroup(GroupGate gate, OrchestratorDbContext member)
    {
        var group = new CommitGroup(gate, ConnectionFor(member), activity, clock, IsOpen);
        gate.Open = group;
        _ = CommitLateAsync(gate, group);
        return group;
    }

    /// <summary>
    /// The connection groups open on: made once by EF from the member's options (so it carries what EF's provider and
    /// this server add to a connection) and kept open; made again if it was closed or broke.
    /// </summary>
    private DbConnection ConnectionFor(OrchestratorDbContext member)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connectionOwner?.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } open)
            {
                return open;
            }

            _connectionOwner?.Dispose();
            var options = (DbContextOptions<OrchestratorDbContext>)member.GetService<IDbContextOptions>();
            _connectionOwner = new OrchestratorDbContext(options);
            _connectionOwner.Database.OpenConnection();
            return _connectionOwner.Database.GetDbConnection();
        }
    }

    /// <summary>
    /// A safety net: a group left open because the member queued behind its last one gave up waiting commits after a
    /// second. Never needed otherwise: every member that gets the gate commits or joins the group.
    /// </summary>
    private static async Task CommitLateAsync(GroupGate gate, CommitGroup group)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        if (group.Durable.IsCompleted || !await gate.EnterAsync(CancellationToken.None))
        {
            return;
        }

        try
        {
            group.Commit();
        }
        finally
        {
            gate.Leave();
        }
    }

    /// <summary>Under the gate, after a member is done: commit now unless another member is queued and the group may still grow.</summary>
    private void Settle(GroupGate gate, CommitGroup group)
    {
        if (group.FailIfEnded())
        {
            return;
        }

        if (!gate.OthersWaiting || group.Shares >= MaxShares || clock.GetElapsedTime(group.Started) >= _maxDelay)
        {
            group.Commit();
        }
    }

    /// <summary>One context's share: it holds the gate from <see cref="Attach"/> to its commit or rollback.</summary>
    private sealed class Share(GroupCommitWriter owner, GroupGate gate, CommitGroup group, OrchestratorDbContext db) : IGroupMember
    {
        private string? _connectionString;
        private bool _attached;
        private bool _over;

        /// <summary>Moves the context onto the group's connection and transaction, under the share's savepoint.</summary>
        public void Attach()
        {
            _connectionString = db.Database.GetConnectionString();
            db.Database.SetDbConnection(group.Connection, contextOwnsConnection: false);
            _attached = true;
            try
            {
                db.Database.UseTransaction(group.Transaction);
                group.Transaction.Save(Savepoint);
                owner.Activity?.CountRaw(1);
            }
            catch
            {
                Detach();
                throw;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            Over();
            try
            {
                Detach();
                group.Transaction.Release(Savepoint);
                owner.Activity?.CountRaw(1);
                group.Shares++;
                owner.Settle(gate, group);
            }
            catch (Exception ex)
            {
                group.Fail(ex);
            }
            finally
            {
                gate.Leave();
            }

            await group.Durable.WaitAsync(cancellationToken);
        }

        public void Rollback()
        {
            Over();
            try
            {
                Detach();
                if (group.Alive)
                {
                    group.Transaction.Rollback(Savepoint);
                    group.Transaction.Release(Savepoint);
                    owner.Activity?.CountRaw(2);
                }

                owner.Settle(gate, group);
            }
            catch (Exception ex)
            {
                group.Fail(ex);
            }
            finally
            {
                gate.Leave();
            }
        }

        private void Over()
        {
            if (_over)
            {
                throw new InvalidOperationException("This share of the group commit has already been committed or rolled back.");
            }

            _over = true;
        }

        /// <summary>Gives the context its own connection back (a new one from its connection string; the pool makes that cheap).</summary>
        private void Detach()
        {
            if (!_attached)
            {
                return;
            }

            _attached = false;
            db.Database.UseTransaction(null);
            db.Database.SetDbConnection(null);
            db.Database.SetConnectionString(_connectionString);
        }
    }
}
