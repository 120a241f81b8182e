using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Undoes what an instance holds outside its state when someone cancels it (e.g. the stock its order reserved). It
/// changes the database through <paramref name="db"/> without saving: the cancellation commits it.
/// </summary>
public interface IInstanceCancellationHandler
{
    Task OnCancelledAsync(OrchestratorDbContext db, WorkflowInstanceRecord instance, DateTime now, CancellationToken cancellationToken);
}
