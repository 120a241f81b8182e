namespace Orchestrator.Workflows.Execution;

/// <summary>How one activity execution ended.</summary>
public enum JournalEvent
{
    Completed,
    Suspended,
    Faulted,
    Cancelled,

    /// <summary>A person put the instance on hold where it stood.</summary>
    Held,

    /// <summary>The hold was lifted; the instance carries on from where it was held.</summary>
    Released,
}
