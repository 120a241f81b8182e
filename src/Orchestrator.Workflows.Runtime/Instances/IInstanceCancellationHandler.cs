using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Undoes what an instance holds outside its state when someone cancels it (e.g. the stock its order reserved).
/// Resolved from the cancellation's scope: it changes the database through that scope's services without committing,
/// and the cancellation commits it with the instance's row (<see cref="IWorkflowInstanceStore.CommitAsync"/>).
/// </summary>
public interface IInstanceCancellationHandler
{
    Task OnCancelledAsync(WorkflowInstanceRecord instance, DateTime now, CancellationToken cancellationToken);
}
