using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.GroupCommit;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// Group commit on SQLite (DESIGN.md §6; <see cref="IGroupCommit"/>). SQLite has one writer, and each commit writes the
/// pages it changed to the write-ahead log again: with every order's runs committing on their own, the instance row's
/// and the orders' index pages were written out once per commit (docs/decisions.md, fifth session). Here the writers of
/// a burst share one transaction instead:
/// <list type="bullet">
/// <item>A member waits for the file's gate as every writer does, then works on the group's connection inside its
/// transaction, under a savepoint of its own; its reads see what earlier members wrote.</item>
/// <item>When it is done it releases its savepoint into the group and gives the gate back. If another writer is queued
/// for the gate, the group stays open for it; otherwise (or at <see cref="MaxShares"/>, or <see cref="DefaultMaxDelay"/>
/// after the group began) the group commits then and there. A writer outside the group (an API save, intake) commits the group
/// when it gets the gate, since it needs the file's lock. So the group never waits on a timer while the file is idle.</item>
/// <item>The member returns only once the group is committed: nothing is acknowledged before it is durable. A member
/// that fails rolls back to its savepoint; the others are not touched. When the group itself cannot commit, or SQLite
/// ended its transaction after an error, every member hears <see cref="GroupCommitFailedException"/> (temporary): a
/// workflow run then forgets what it did and runs again from its last commit, as after an outage.</item>
/// </list>
/// One per host (a DI singleton): it keeps the connection groups open on, made by EF from the members' own options so
/// that it has the functions EF's SQLite provider adds to its connections.
/// </summary>
public sealed class SqliteGroupCommit(DatabaseActivity? activity, TimeProvider clock, TimeSpan? maxDelay = null) : IGroupCommit, IDisposable
{
    /// <summary>At most this many shares in one group: a queue that never empties still commits this often.</summary>
    public const int MaxShares = 64;

    /// <summary>At most this long from a group's start to its commit while writers keep queueing (unless given).</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMilliseconds(20);

    private const string Savepoint = "share";

    private readonly Lock _sync = new();

    private readonly TimeSpan _maxDelay = maxDelay ?? DefaultMaxDelay;

    private DatabaseActivity? Activity => activity;
    private OrchestratorDbContext? _connectionOwner;
    private bool _disposed;

    public async Task<IGroupMember> JoinAsync(OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var writer = SqliteWriter.Of(db.Database.GetDbConnection());
        if (!await writer.EnterAsync(cancellationToken))
        {
            throw new TimeoutException($"No SQLite write could start in {SqliteWriter.MaxWait.TotalSeconds:F0} s: another write transaction has been open all that time.");
        }

        try
        {
            var group = writer.Open;
            if (group is { Alive: false })
            {
                group.Fail(new InvalidOperationException("SQLite ended the group's transaction by itself (after an I/O error or a full disk)."));
                group = null;
            }

            group ??= OpenGroup(writer, db);
            var share = new Share(this, writer, group, db);
            share.Attach();
            return share;
        }
        catch
        {
            writer.Leave();
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
            var writer = SqliteWriter.Of(connection);
            if (writer.Enter())
            {
                try
                {
                    if (writer.Open is { } open && ReferenceEquals(open.Connection, connection))
                    {
                        open.Commit();
                    }
                }
                finally
                {
                    writer.Leave();
                }
            }

            owner.Dispose();
        }
    }

    private SqliteGroup OpenGroup(SqliteWriter writer, OrchestratorDbContext member)
    {
        var group = new SqliteGroup(writer, ConnectionFor(member), Activity, clock);
        writer.Open = group;
        _ = CommitLateAsync(writer, group);
        return group;
    }

    /// <summary>
    /// The connection groups open on: made once by EF from the member's options (so it carries EF's SQLite functions and
    /// this server's connection set-up) and kept open; made again if it was closed.
    /// </summary>
    private SqliteConnection ConnectionFor(OrchestratorDbContext member)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connectionOwner?.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } open)
            {
                return open;
            }

            _connectionOwner?.Dispose();
            var options = (DbContextOptions<OrchestratorDbContext>)member.GetService<IDbContextOptions>();
            _connectionOwner = new OrchestratorDbContext(options);
            _connectionOwner.Database.OpenConnection();
            return (SqliteConnection)_connectionOwner.Database.GetDbConnection();
        }
    }

    /// <summary>
    /// A safety net: a group left open because the writer queued behind its last member gave up waiting commits after a
    /// second. Never needed otherwise: every writer that gets the gate commits or joins the group.
    /// </summary>
    private static async Task CommitLateAsync(SqliteWriter writer, SqliteGroup group)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        if (group.Durable.IsCompleted || !await writer.EnterAsync(CancellationToken.None))
        {
            return;
        }

        try
        {
            group.Commit();
        }
        finally
        {
            writer.Leave();
        }
    }

    /// <summary>Under the gate, after a member is done: commit now unless another writer is queued and the group may still grow.</summary>
    private void Settle(SqliteWriter writer, SqliteGroup group)
    {
        if (!group.Alive)
        {
            group.Fail(new InvalidOperationException("SQLite ended the group's transaction by itself (after an I/O error or a full disk)."));
            return;
        }

        if (!writer.OthersWaiting || group.Shares >= MaxShares || clock.GetElapsedTime(group.Started) >= _maxDelay)
        {
            group.Commit();
        }
    }

    /// <summary>One context's share: it holds the file's gate from <see cref="Attach"/> to its commit or rollback.</summary>
    private sealed class Share(SqliteGroupCommit owner, SqliteWriter writer, SqliteGroup group, OrchestratorDbContext db) : IGroupMember
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
                owner.Settle(writer, group);
            }
            catch (Exception ex)
            {
                group.Fail(ex);
            }
            finally
            {
                writer.Leave();
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

                owner.Settle(writer, group);
            }
            catch (Exception ex)
            {
                group.Fail(ex);
            }
            finally
            {
                writer.Leave();
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
