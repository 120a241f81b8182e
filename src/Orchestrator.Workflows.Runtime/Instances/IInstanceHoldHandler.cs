using System.Text.Json.Nodes;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Records what a hold means outside the instance (e.g. the order's entry in the exception queue). It changes the
/// database through <paramref name="db"/> without saving: the hold or release commits it with the instance's row and
/// journal. Throwing <see cref="Orchestrator.Workflows.Execution.StimulusRejectedException"/> refuses the call and
/// leaves the instance as it was.
/// </summary>
public interface IInstanceHoldHandler
{
    Task OnHeldAsync(OrchestratorDbContext db, WorkflowInstanceRecord instance, JsonObject details, DateTime now, CancellationToken cancellationToken);

    Task OnReleasedAsync(OrchestratorDbContext db, WorkflowInstanceRecord instance, JsonObject details, DateTime now, CancellationToken cancellationToken);
}
