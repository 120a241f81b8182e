namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// What a grain holds between an instance's runs: the rows of its aggregate as the last run committed them, in the
/// store's own shape (for the lifecycle on EF Core, the tracked order and its packages), and the store's count of
/// others' saves to that aggregate when the run began (null when the store does not count). The grain only keeps it and
/// hands it to the next run (<see cref="IWorkflowInstanceStore.BeginRunAsync"/>), which checks it is still current.
/// </summary>
public sealed record HeldAggregate(IReadOnlyList<object> Rows, long? Writes);
