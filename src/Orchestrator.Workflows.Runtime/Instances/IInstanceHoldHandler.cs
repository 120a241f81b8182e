using System.Text.Json.Nodes;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Records what a hold means outside the instance (e.g. the order's entry in the exception queue). Resolved from the
/// hold's scope: it changes the database through that scope's services without committing, and the hold or release
/// commits it with the instance's row and journal (<see cref="IWorkflowInstanceStore.CommitAsync"/>). Throwing
/// <see cref="Orchestrator.Workflows.Execution.StimulusRejectedException"/> refuses the call and leaves the instance as it was.
/// </summary>
public interface IInstanceHoldHandler
{
    Task OnHeldAsync(WorkflowInstanceRecord instance, JsonObject details, DateTime now, CancellationToken cancellationToken);

    Task OnReleasedAsync(WorkflowInstanceRecord instance, JsonObject details, DateTime now, CancellationToken cancellationToken);
}
