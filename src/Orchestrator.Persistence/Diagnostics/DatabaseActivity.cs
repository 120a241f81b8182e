using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Persistence.Diagnostics;

/// <summary>
/// Counts what this process asks of its database: commands sent (round trips, whatever they hold), commits (explicit
/// ones, and a write sent outside a transaction, which the database commits by itself) and rollbacks. One instance per
/// process, added to every context; the counts are what the bench divides by orders to report statements and commits
/// per order, and what ops read at <c>GET /api/system/database</c> or with <c>dotnet-counters</c> (meter
/// <see cref="MeterName"/>). Counting is one interlocked add per event.
/// </summary>
public sealed class DatabaseActivity : IDbCommandInterceptor, IDbTransactionInterceptor, IDisposable
{
    public const string MeterName = "Orchestrator.Database";

    private readonly Meter _meter = new(MeterName);
    private long _commands;
    private long _commits;
    private long _rollbacks;
    private long _failedCommands;

    public DatabaseActivity(TimeProvider clock)
    {
        Since = clock.GetUtcNow();
        _meter.CreateObservableCounter("orchestrator.db.commands", () => Volatile.Read(ref _commands), description: "Commands sent to the database");
        _meter.CreateObservableCounter("orchestrator.db.commits", () => Volatile.Read(ref _commits), description: "Transactions committed, autocommitted writes included");
        _meter.CreateObservableCounter("orchestrator.db.rollbacks", () => Volatile.Read(ref _rollbacks), description: "Transactions rolled back");
    }

    /// <summary>When counting began (the process start, in practice).</summary>
    public DateTimeOffset Since { get; }

    public DatabaseActivitySnapshot Snapshot() => new(
        Volatile.Read(ref _commands), Volatile.Read(ref _commits), Volatile.Read(ref _rollbacks), Volatile.Read(ref _failedCommands), Since);

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Count(command, writes: eventData.CommandSource == CommandSource.SaveChanges);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        // A reader may carry writes (EF reads generated keys back with RETURNING), so it commits when outside a transaction.
        Count(command, writes: eventData.CommandSource == CommandSource.SaveChanges);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Count(command, writes: true);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command, writes: true);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Count(command, writes: false);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(command, writes: false);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Interlocked.Increment(ref _failedCommands);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _failedCommands);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _rollbacks);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _rollbacks);
        return Task.CompletedTask;
    }

    /// <summary>Counts statements sent outside EF, and the commit or rollback they ended with (a group commit's own: see <see cref="GroupCommit.IGroupCommit"/>).</summary>
    public void CountRaw(int commands, int commits = 0, int rollbacks = 0)
    {
        Interlocked.Add(ref _commands, commands);
        Interlocked.Add(ref _commits, commits);
        Interlocked.Add(ref _rollbacks, rollbacks);
    }

    public void Dispose() => _meter.Dispose();

    private void Count(DbCommand command, bool writes)
    {
        Interlocked.Increment(ref _commands);
        if (writes && command.Transaction is null)
        {
            Interlocked.Increment(ref _commits);
        }
    }
}

/// <summary>The counts at one moment; subtract two to see what a stretch of work cost.</summary>
public sealed record DatabaseActivitySnapshot(long Commands, long Commits, long Rollbacks, long FailedCommands, DateTimeOffset Since);
