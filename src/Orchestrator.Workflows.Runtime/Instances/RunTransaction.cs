using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// The steps of one run share one transaction. Each step is saved into it (flushed), so the next step's queries see what
/// it did, and a savepoint marks where it ended; the run commits once, with the instance row, when it waits, ends or
/// faults, and around an activity that calls out of the process. A crash before that commit loses the whole run, which
/// then runs again from its last commit with the same idempotency keys, as a lost step always did. A step that fails is
/// undone back to the savepoint of the step before it, so the steps before it are kept and committed with its incident.
/// </summary>
internal sealed class RunTransaction(OrchestratorDbContext db, IInstanceAggregate? aggregate)
{
    private const string Savepoint = "step";

    /// <summary>The state after the last flushed step, to go back to when the next one cannot be saved.</summary>
    private string? _flushedState;

    /// <summary>After-commit actions of the flushed steps (kept when a later step is undone).</summary>
    private int _flushedAfterCommit;

    /// <summary>The journal entries of the flushed steps: nothing in a run reads them, so they are written at its commit, in one command.</summary>
    private readonly List<WorkflowJournalRecord> _journal = [];

    /// <summary>Saves the step into the run's transaction without committing it.</summary>
    public async Task FlushAsync(Guid instanceId, InstanceState state, JournalEntry? entry, CancellationToken cancellationToken)
    {
        await db.BeginWorkAsync(cancellationToken);

        // The run's own savepoint per step does what EF's savepoint around each save would.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync(cancellationToken);
        InstanceStore.KeepOnlyTheAggregate(db, aggregate);
        await db.Database.CurrentTransaction!.CreateSavepointAsync(Savepoint, cancellationToken);
        _flushedState = InstanceStore.WriteState(state);
        _flushedAfterCommit = db.PendingAfterCommit;
        if (entry is not null)
        {
            _journal.Add(InstanceStore.Journal(instanceId, entry));
        }
    }

    /// <summary>
    /// Undoes the step in flight: back to the last flushed step's savepoint, or the whole transaction when nothing was
    /// flushed. Returns the state as of that point, read from <paramref name="committed"/> when nothing was flushed.
    /// </summary>
    public async Task<InstanceState> UndoStepAsync(WorkflowInstanceRecord committed, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (_flushedState is not null && db.Database.CurrentTransaction is { } run)
        {
            await run.RollbackToSavepointAsync(Savepoint, cancellationToken);
            db.ForgetAfterCommit(_flushedAfterCommit);
            return InstanceStore.ReadState(committed, _flushedState);
        }

        db.ForgetAfterCommit();
        _journal.Clear();
        await db.RollbackWorkAsync(cancellationToken);

        return InstanceStore.ReadState(committed);
    }

    /// <summary>Commits the run so far with the instance row (see <see cref="InstanceStore.CommitAsync"/>).</summary>
    public async Task<WorkflowInstanceRecord> CommitAsync(
        WorkflowInstanceRecord stored, InstanceState state, StepReport? report, DateTime now, CancellationToken cancellationToken)
    {
        var row = await InstanceStore.CommitAsync(db, stored, state, report, now, cancellationToken, aggregate, _journal);
        _flushedState = null;
        _flushedAfterCommit = 0;
        _journal.Clear();
        return row;
    }

    /// <summary>True when steps were saved into the transaction and not committed yet.</summary>
    public bool HasFlushedSteps => _flushedState is not null;
}
