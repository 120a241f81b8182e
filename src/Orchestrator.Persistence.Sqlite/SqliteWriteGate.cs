using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>
/// SQLite has one writer at a time. Left alone, concurrent write transactions of this process meet SQLITE_BUSY and
/// Microsoft.Data.Sqlite retries them with <c>Thread.Sleep</c>, which parks thread-pool threads (and Orleans' turns)
/// while they wait. This gate queues them in the process instead, without blocking a thread: a transaction waits
/// (asynchronously) for the file's gate before it begins and lets it go when it commits, rolls back, fails, or its
/// connection closes, whichever comes first. A write sent outside a transaction (EF saves a single-command change
/// without one, and <c>ExecuteUpdate</c> runs alone) is a transaction of its own to SQLite: it takes the gate for the
/// command and lets it go once the command is done, so it never meets another writer's lock either (it used to, and
/// sat out Microsoft.Data.Sqlite's 150 ms busy sleeps on a pool thread). Writers in other processes still meet the busy
/// timeout as before. A group commit open on the file (<see cref="SqliteGroupCommit"/>) holds its lock, so a writer that
/// gets the gate here commits that group first (<see cref="SqliteWriter"/>).
/// Every connection also gets <c>synchronous=NORMAL</c>, which in WAL mode keeps every commit across a process crash
/// (SIGKILL) and only risks the last commits on a power loss, instead of an fsync per commit, and
/// <c>temp_store=MEMORY</c>: a group commit opens a savepoint per write set, and SQLite keeps the pages a savepoint may
/// have to restore in a statement journal that, past 64 KiB, it moved to a deleted file in <c>/var/tmp</c>, writing each
/// page there once more (six in ten of the server's file writes in the bench's drain). It holds nothing a crash
/// needs: a transaction that never committed is not in the WAL.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<DbConnection, Holder> _held = new();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var writer = SqliteWriter.Of(connection);
        await writer.EnterAloneAsync("write transaction", cancellationToken);
        Hold(connection, writer);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var writer = SqliteWriter.Of(connection);
        writer.EnterAlone("write transaction");
        Hold(connection, writer);
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

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAloneAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterAlone(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAloneAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterAlone(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAloneAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterAlone(command);
        return result;
    }

    // A write alone is done once its command is: for a reader (INSERT … RETURNING), once the reader is closed.
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveAlone(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveAlone(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveAlone(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveAlone(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveAlone(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveAlone(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveAlone(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveAlone(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAlone(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveAlone(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAlone(command);
        return Task.CompletedTask;
    }

    /// <summary>Whether the command changes the database on its own: a write with no transaction around it.</summary>
    internal static bool WritesAlone(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private async ValueTask EnterAloneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (WritesAlone(command))
        {
            var writer = SqliteWriter.Of(command.Connection!);
            await writer.EnterAloneAsync("write", cancellationToken);
            Hold(command.Connection!, writer);
        }
    }

    private void EnterAlone(DbCommand command)
    {
        if (WritesAlone(command))
        {
            var writer = SqliteWriter.Of(command.Connection!);
            writer.EnterAlone("write");
            Hold(command.Connection!, writer);
        }
    }

    private void LeaveAlone(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Release(connection);
        }
    }

    // ADO.NET forgets a transaction's connection once it ends; the context still knows it.
    private static DbConnection? ConnectionOf(DbTransaction? transaction, TransactionEventData eventData) =>
        transaction?.Connection ?? (eventData.Context is { } context ? Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(context.Database) : null);

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
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }

    private void Hold(DbConnection connection, SqliteWriter writer)
    {
        var holder = _held.GetOrCreateValue(connection);
        lock (holder)
        {
            holder.Writer = writer;
        }
    }

    private void Release(DbConnection? connection)
    {
        if (connection is null || !_held.TryGetValue(connection, out var holder))
        {
            return;
        }

        SqliteWriter? writer;
        lock (holder)
        {
            writer = holder.Writer;
            holder.Writer = null;
        }

        writer?.Leave();
    }

    private sealed class Holder
    {
        public SqliteWriter? Writer { get; set; }
    }
}
