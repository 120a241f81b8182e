using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// The rows an instance's activities work on, as the host defines them (for the sales-order lifecycle: the order with
/// its lines and items, and its packages with theirs). A run keeps them tracked between its steps, so only its first
/// step loads them; the grain holds them between runs and hands them to the next run when they are still what the
/// database has, so that run loads nothing. Optional: with none registered, every save lets everything go.
/// </summary>
public interface IInstanceAggregate
{
    /// <summary>Whether a tracked row belongs to the aggregate: it stays tracked after a save, everything else is let go.</summary>
    bool Holds(object row);

    /// <summary>The aggregate an instance works on (for the lifecycle, its order's id); null when it has none.</summary>
    long? KeyOf(WorkflowInstanceRecord instance);

    /// <summary>
    /// The aggregate a row belongs to when a change to it changes the aggregate (<see cref="AggregateWrites"/>); null for
    /// any other row. A row whose change always moves a parent's version may answer null: the parent is saved too.
    /// </summary>
    long? KeyOf(object row);

    /// <summary>
    /// Whether the rows a grain held since its last run (all of them committed, none changed since by the instance) are
    /// still what is stored: a row changed elsewhere (a review edit, a package split, another server) makes them stale,
    /// and the run loads afresh. One cheap query, far cheaper than loading the rows again.
    /// </summary>
    Task<bool> IsCurrentAsync(OrchestratorDbContext db, WorkflowInstanceRecord instance, IReadOnlyList<object> held, CancellationToken cancellationToken);
}
