using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// What the runtime asks of the database, as Elsa's runtime defines the stores a persistence provider implements: the
/// grain, recovery and the definition cache go through it and never see the provider's context. One per service scope
/// (a grain call, a request): everything saved through it, and through the scope's other services (a hold's or a
/// cancellation's handlers, the activities of a run), commits together. The EF Core store is
/// <c>Orchestrator.Workflows.Runtime.EntityFramework</c>.
/// </summary>
public interface IWorkflowInstanceStore
{
    /// <summary>The instance row as committed, or null when there is none.</summary>
    Task<WorkflowInstanceRecord?> FindAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Instances to pick up at start: those running when the process stopped, and those waiting on a timer; oldest first.</summary>
    Task<IReadOnlyList<Guid>> FindUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>The JSON of a stored definition version, by its row id; null when there is no such row.</summary>
    Task<string?> FindDefinitionJsonAsync(long definitionRecordId, CancellationToken cancellationToken);

    /// <summary>Marks the instance's open incidents resolved (a retry), committed at once.</summary>
    Task ResolveIncidentsAsync(Guid instanceId, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a run of <paramref name="instance"/> from <paramref name="state"/>, handing it the aggregate the grain
    /// held since the instance's last run (<see cref="HeldAggregate"/>) when that is still what the database has;
    /// otherwise the run's first step loads it. The store decides, from its options, whether the run's steps are kept
    /// for its commits or saved one by one.
    /// </summary>
    Task<IInstanceRun> BeginRunAsync(WorkflowInstanceRecord instance, InstanceState state, HeldAggregate? held, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a change made outside a run (a cancellation, a hold or its release): the instance row with
    /// <paramref name="state"/>, <paramref name="report"/>'s journal entry, and what the scope's other services saved.
    /// Returns the row as now stored.
    /// </summary>
    Task<WorkflowInstanceRecord> CommitAsync(WorkflowInstanceRecord stored, InstanceState state, StepReport report, DateTime now, CancellationToken cancellationToken);
}
