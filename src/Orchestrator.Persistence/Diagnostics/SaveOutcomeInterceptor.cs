using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Orchestrator.Persistence.Diagnostics;

/// <summary>
/// For interceptors that act on what a save changed once it is committed, or forget it once it is not. A save outside
/// a transaction ends with the save. A save inside a transaction ends when the transaction commits, rolls back or fails.
/// </summary>
public abstract class SaveOutcomeInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor, ISaveWatcher
{
    /// <inheritdoc/>
    public abstract bool Watches(DbContext context, object row);

    /// <summary>A save of <paramref name="context"/> starts, with its changes detected (<see cref="OrchestratorDbContext"/> detects them once).</summary>
    protected abstract void Saving(DbContext context);

    /// <summary>What <paramref name="context"/> saved is now committed (<paramref name="committed"/>) or will never be.</summary>
    protected abstract void Ended(DbContext context, bool committed);

    /// <summary>
    /// Tells every save-outcome interceptor of <paramref name="context"/> that its saves ended, for work committed or rolled
    /// back outside the transaction events EF raises (a share of a group commit: see <see cref="OrchestratorDbContext.CommitWorkAsync"/>).
    /// </summary>
    public static void EndedOutsideTransaction(DbContext context, bool committed)
    {
        foreach (var interceptor in ContextInterceptors.Of(context))
        {
            if (interceptor is SaveOutcomeInterceptor outcome)
            {
                outcome.Ended(context, committed);
            }
        }
    }

    /// <summary>
    /// <paramref name="context"/> is disposed (a pooled one goes back to the pool): every save-outcome interceptor forgets
    /// it (<see cref="Forget"/>), so its next user starts with nothing of this one's.
    /// </summary>
    public static void Released(DbContext context)
    {
        foreach (var interceptor in ContextInterceptors.Of(context))
        {
            if (interceptor is SaveOutcomeInterceptor outcome)
            {
                outcome.Forget(context);
            }
        }
    }

    /// <summary>
    /// Drops what is kept for <paramref name="context"/>. By default a save still pending ends uncommitted: a context
    /// disposed with its transaction open has it rolled back.
    /// </summary>
    protected virtual void Forget(DbContext context) => Ended(context, committed: false);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Start(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context, committed: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, committed: true);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context, committed: false);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.Context, committed: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => End(eventData.Context, committed: false);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    private void Start(DbContext? context)
    {
        if (context is not null)
        {
            Saving(context);
        }
    }

    // After a save: it ended with the save unless a transaction is still open (then the transaction's end settles it).
    private void Settle(DbContext? context, bool committed)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Ended(context, committed);
        }
    }

    private void End(DbContext? context, bool committed)
    {
        if (context is not null)
        {
            Ended(context, committed);
        }
    }
}
