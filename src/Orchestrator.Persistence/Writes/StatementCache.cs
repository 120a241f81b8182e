using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orchestrator.Persistence.Writes;

/// <summary>
/// Commands kept on one long-lived connection, by their SQL, so the database compiles each statement once: SQLite's
/// ADO.NET provider keeps a statement prepared only as long as its command (it has no cache across commands), and a
/// group commit's connection outlives every run that writes through it. Used by one writer at a time (the connection's
/// owner serializes them: the SQLite group's gate). Bounded: a connection that sees more shapes than
/// <see cref="MaxStatements"/> starts again empty.
/// </summary>
internal sealed class StatementCache : IDisposable
{
    private const int MaxStatements = 256;

    private static readonly ConditionalWeakTable<DbConnection, StatementCache> Caches = new();

    private readonly DbConnection _connection;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    private StatementCache(DbConnection connection) => _connection = connection;

    /// <summary>Commands kept on <paramref name="connection"/> for one owner that holds it (<see cref="ReadConnections"/>), disposed with it.</summary>
    public static StatementCache Over(DbConnection connection) => new(connection);

    /// <summary>
    /// The commands <paramref name="db"/>'s statements on <paramref name="connection"/> may keep, or null to make each
    /// anew. Only a SQLite group's connection keeps them: SQLite compiles a statement per command and that connection
    /// outlives every run. Npgsql prepares what a connection repeats by itself (Max Auto Prepare), and a command object
    /// reused with new parameters there matched no row.
    /// </summary>
    public static StatementCache? For(OrchestratorDbContext db, DbConnection connection, DatabaseProvider? provider) =>
        db.InGroup && provider == DatabaseProvider.Sqlite ? Caches.GetValue(connection, c => new StatementCache(c)) : null;

    /// <summary>
    /// Sends <paramref name="sql"/> as one command of the server's own inside <paramref name="db"/>'s
    /// <paramref name="transaction"/>, its parameters set by <paramref name="bind"/>, kept where <see cref="For"/> says,
    /// and counted by the process's command counters; returns the rows it reports changed.
    /// </summary>
    public static async Task<int> ExecuteAsync<TState>(
        OrchestratorDbContext db, DbTransaction transaction, string sql, TState state, Action<DbCommand, TState> bind, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? db.Database.GetDbConnection();
        var kept = For(db, connection, PreparedWrites.ProviderOf(db));
        var command = Rent(kept, connection, transaction, sql);
        int changed;
        try
        {
            bind(command, state);
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await ReturnAsync(kept, command);
        }

        db.Activity?.CountRaw(1);
        return changed;
    }

    /// <summary>
    /// Runs the query <paramref name="sql"/> as one command of the server's own, where <paramref name="db"/>'s own queries
    /// would run: in its transaction when it has one (a run's, or its share of a group commit, whose connection the
    /// command then keeps as <see cref="ExecuteAsync"/> does); otherwise, on a SQLite file, on a connection kept open for
    /// such reads (<see cref="ReadConnections"/>), and elsewhere on the context's connection, opened for the read when
    /// closed. <paramref name="read"/> makes the answer from the reader; counted by the process's command counters.
    /// EF's query pipeline costs far more than the statement for the few reads a workflow step makes at every order.
    /// </summary>
    public static async Task<TResult> QueryAsync<TState, TResult>(
        OrchestratorDbContext db, string sql, TState state, Action<DbCommand, TState> bind, Func<DbDataReader, TState, CancellationToken, Task<TResult>> read,
        CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var connection = transaction?.Connection ?? db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        var provider = PreparedWrites.ProviderOf(db);
        if (opened && transaction is null && provider == DatabaseProvider.Sqlite
            && db.Database.GetConnectionString() is { } connectionString && ReadConnections.IsFile(connectionString))
        {
            var reader = await ReadConnections.TakeAsync(connection, connectionString, cancellationToken);
            try
            {
                return await QueryOnAsync(db, reader.Commands, reader.Connection, null, sql, state, bind, read, cancellationToken);
            }
            finally
            {
                ReadConnections.Give(reader);
            }
        }

        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var kept = transaction is null ? null : For(db, connection, provider);
            return await QueryOnAsync(db, kept, connection, transaction, sql, state, bind, read, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<TResult> QueryOnAsync<TState, TResult>(
        OrchestratorDbContext db, StatementCache? kept, DbConnection connection, DbTransaction? transaction, string sql, TState state,
        Action<DbCommand, TState> bind, Func<DbDataReader, TState, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        var command = Rent(kept, connection, transaction, sql);
        try
        {
            bind(command, state);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            db.Activity?.CountRaw(1);
            return await read(reader, state, cancellationToken);
        }
        finally
        {
            await ReturnAsync(kept, command);
        }
    }

    /// <summary>
    /// A command for <paramref name="sql"/> inside <paramref name="transaction"/>: the one <paramref name="kept"/> holds
    /// (its SQL already set: setting it again would make SQLite compile it again), or a new one when nothing is kept.
    /// Give it back with <see cref="ReturnAsync"/>.
    /// </summary>
    public static DbCommand Rent(StatementCache? kept, DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = kept?.Get(sql) ?? connection.CreateCommand();
        if (kept is null)
        {
            command.CommandText = sql;
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>Done with a command <see cref="Rent"/> gave: a kept one loses its parameters, a new one is disposed.</summary>
    public static async ValueTask ReturnAsync(StatementCache? kept, DbCommand command)
    {
        if (kept is null)
        {
            await command.DisposeAsync();
        }
        else
        {
            command.Parameters.Clear();
        }
    }

    /// <summary>The command kept for <paramref name="sql"/>, made on first use; its parameters are the caller's to set and clear.</summary>
    public DbCommand Get(string sql)
    {
        lock (_sync)
        {
            if (_commands.TryGetValue(sql, out var kept))
            {
                return kept;
            }

            if (_commands.Count >= MaxStatements)
            {
                DropAll();
            }

            var command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
            return command;
        }
    }

    /// <summary>Disposes the kept commands.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            DropAll();
        }
    }

    private void DropAll()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
