using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// SQLite has one writer at a time. Left alone, concurrent write transactions of this process meet SQLITE_BUSY and
/// Microsoft.Data.Sqlite retries them with <c>Thread.Sleep</c>, which parks thread-pool threads (and Orleans' turns)
/// while they wait. This gate queues them in the process instead, without blocking a thread: a transaction waits
/// (asynchronously) for the file's gate before it begins and lets it go when it commits, rolls back, fails, or its
/// connection closes, whichever comes first. Writers in other processes still meet the busy timeout as before.
/// Every connection also gets <c>synchronous=NORMAL</c>, which in WAL mode keeps every commit across a process crash
/// (SIGKILL) and only risks the last commits on a power loss, instead of an fsync per commit.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>How long a transaction waits for the gate before it gives up (a hint of a transaction left open).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<DbConnection, Holder> _held = new();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateOf(connection);
        if (!await gate.WaitAsync(MaxWait, cancellationToken))
        {
            throw new TimeoutException($"No SQLite write transaction could start in {MaxWait.TotalSeconds:F0} s: another one has been open all that time.");
        }

        Hold(connection, gate);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = GateOf(connection);
        if (!gate.Wait(MaxWait))
        {
            throw new TimeoutException($"No SQLite write transaction could start in {MaxWait.TotalSeconds:F0} s: another one has been open all that time.");
        }

        Hold(connection, gate);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(transaction, eventData));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(transaction, eventData));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback" or "BeginTransaction")
        {
            Release(ConnectionOf(transaction, eventData));
        }
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback ends when its connection closes.</summary>
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    // ADO.NET forgets a transaction's connection once it ends; the context still knows it.
    private static DbConnection? ConnectionOf(DbTransaction? transaction, TransactionEventData eventData) =>
        transaction?.Connection ?? (eventData.Context is { } context ? Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(context.Database) : null);

    private static SemaphoreSlim GateOf(DbConnection connection) => Gates.GetOrAdd(connection.DataSource ?? connection.ConnectionString, _ => new SemaphoreSlim(1, 1));

    private static void Configure(DbConnection connection)
    {
        // The setting lives on the native connection, which the pool keeps across opens: set it once per native connection
        // (EF opens and closes the ADO.NET connection around every query outside a transaction).
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            if (Configured.TryGetValue(handle, out _))
            {
                return;
            }

            Configured.AddOrUpdate(handle, Marker);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    private void Hold(DbConnection connection, SemaphoreSlim gate)
    {
        var holder = _held.GetOrCreateValue(connection);
        lock (holder)
        {
            holder.Gate = gate;
        }
    }

    private void Release(DbConnection? connection)
    {
        if (connection is null || !_held.TryGetValue(connection, out var holder))
        {
            return;
        }

        SemaphoreSlim? gate;
        lock (holder)
        {
            gate = holder.Gate;
            holder.Gate = null;
        }

        gate?.Release();
    }

    private sealed class Holder
    {
        public SemaphoreSlim? Gate { get; set; }
    }
}
