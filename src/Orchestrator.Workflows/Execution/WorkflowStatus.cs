namespace Orchestrator.Workflows.Execution;

/// <summary>The life of a workflow instance.</summary>
public enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Faulted,
    Cancelled,
}
