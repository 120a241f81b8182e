using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// The steps of one run between two commits (DESIGN.md §6, the durability contract): the grain ends every step here,
/// commits when the instance waits, ends or faults and around a call out, and undoes what cannot be committed.
/// <para>
/// A <b>deferred</b> run keeps its steps' changes for the next commit and holds no transaction between steps; it cannot
/// undo one step alone, so when a step fails, or the commit cannot be saved, with steps kept (<see cref="MustReplay"/>)
/// the grain undoes them all (<see cref="AbandonAsync"/>) and runs them again from <see cref="RestartState"/>, step by
/// step (<see cref="StepByStep"/>). A <b>step-by-step</b> run saves each step into its transaction, so a failed step is
/// undone alone (<see cref="UndoStepAsync"/>) and the steps before it are committed with its incident.
/// </para>
/// </summary>
public interface IInstanceRun
{
    /// <summary>Steps kept since the last commit (or work left for the commit) that can only be undone all together.</summary>
    bool MustReplay { get; }

    /// <summary>The state as of the run's start or its last commit, serialized (deferred runs only).</summary>
    string RestartState { get; }

    /// <summary>True when steps were kept or saved since the last commit and are not committed yet.</summary>
    bool HasFlushedSteps { get; }

    /// <summary>Ends a step that neither waits nor commits: kept for the commit (deferred) or saved into the run's transaction.</summary>
    Task FlushAsync(Guid instanceId, InstanceState state, JournalEntry? entry, CancellationToken cancellationToken);

    /// <summary>
    /// Undoes the step in flight, back to the last saved step or, when none, to the last commit; returns the state as of
    /// that point (read from <paramref name="committed"/> when nothing was saved). Not while <see cref="MustReplay"/>.
    /// </summary>
    Task<InstanceState> UndoStepAsync(WorkflowInstanceRecord committed, CancellationToken cancellationToken);

    /// <summary>Undoes everything since the last commit.</summary>
    Task AbandonAsync(CancellationToken cancellationToken);

    /// <summary>Commits the run so far with the instance row in <paramref name="state"/>; returns the row as now stored.</summary>
    Task<WorkflowInstanceRecord> CommitAsync(WorkflowInstanceRecord stored, InstanceState state, StepReport? report, DateTime now, CancellationToken cancellationToken);

    /// <summary>A run over the same scope that saves each step: to run again, after <see cref="AbandonAsync"/>, what a deferred run could not undo alone.</summary>
    IInstanceRun StepByStep();

    /// <summary>After the run: the aggregate as it committed it, for the grain to hold until the next run; null when there is nothing worth holding.</summary>
    HeldAggregate? Held(bool instanceDone);
}
