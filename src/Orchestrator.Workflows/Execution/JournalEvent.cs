namespace Orchestrator.Workflows.Execution;

/// <summary>How one activity execution ended.</summary>
public enum JournalEvent
{
    Completed,
    Suspended,
    Faulted,
    Cancelled,
}
