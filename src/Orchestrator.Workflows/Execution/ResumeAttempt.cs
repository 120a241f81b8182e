namespace Orchestrator.Workflows.Execution;

/// <summary>Whether a stimulus found the bookmark it was meant for.</summary>
public enum ResumeAttempt
{
    Accepted,

    /// <summary>No bookmark of that name is open: already resumed by someone else, or never there.</summary>
    NoSuchBookmark,

    /// <summary>The instance has finished or was cancelled.</summary>
    NotActive,

    /// <summary>The instance is faulted; its incident must be retried first.</summary>
    Faulted,

    /// <summary>The instance is on hold (its order is in the exception queue) until someone releases it.</summary>
    Held,
}
