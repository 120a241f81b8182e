using Orchestrator.Workflows.Execution;

namespace Orchestrator.Persistence.Workflows;

/// <summary>One activity execution of an instance: what ran, how it ended, how long it took.</summary>
public sealed class WorkflowJournalRecord
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>1, 2, 3… within the instance.</summary>
    public int Sequence { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public JournalEvent Event { get; set; }

    /// <summary>The port followed when completed.</summary>
    public string? Outcome { get; set; }

    /// <summary>The bookmark waited on when suspended, or resumed when this execution began with a stimulus.</summary>
    public string? Bookmark { get; set; }

    public DateTime StartedAt { get; set; }

    public double DurationMs { get; set; }

    /// <summary>The inputs (or stimulus) the activity ran with, shortened for display.</summary>
    public string? Inputs { get; set; }

    /// <summary>What the activity reported, shortened for display.</summary>
    public string? Outputs { get; set; }

    public string? Error { get; set; }
}
