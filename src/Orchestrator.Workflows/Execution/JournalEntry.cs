namespace Orchestrator.Workflows.Execution;

/// <summary>One activity execution as the interpreter reports it; the runtime stores it in the journal.</summary>
public sealed record JournalEntry(
    int Sequence,
    string ActivityId,
    string ActivityType,
    JournalEvent Event,
    string? Outcome,
    string? Bookmark,
    DateTime StartedAt,
    TimeSpan Duration,
    string? Inputs,
    string? Outputs,
    string? Error);
