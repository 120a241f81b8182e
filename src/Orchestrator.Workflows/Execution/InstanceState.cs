using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Execution;

/// <summary>Everything the interpreter needs to continue an instance; persisted as JSON after every step.</summary>
public sealed class InstanceState
{
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Work still to do, first in first out.</summary>
    public List<ScheduledWork> Scheduled { get; set; } = [];

    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>How many times each activity has been entered: the scope of its idempotency key.</summary>
    public Dictionary<string, int> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For each Join, the activities whose branches have arrived since it last fired.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set while Faulted: the work that threw is first in <see cref="Scheduled"/> and runs again on retry.</summary>
    public FaultInfo? Fault { get; set; }

    /// <summary>
    /// Set while a person has put the instance on hold (e.g. its order went to the exception queue): it keeps its
    /// bookmarks and its place, but takes no stimulus, timer or retry until released.
    /// </summary>
    public InstanceHold? Hold { get; set; }

    /// <summary>The last journal sequence number written.</summary>
    public int JournalSequence { get; set; }

    public bool IsDone => Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;
}

/// <summary>One activity to run, or to resume when <see cref="Resumed"/> is set.</summary>
/// <param name="From">The activity whose outcome scheduled this one (a Join counts arrivals by it).</param>
/// <param name="Resumed">The bookmark being resumed, with <paramref name="Input"/> the stimulus' payload.</param>
/// <param name="Attempt">1 for a first run; retries after an incident count up, and keep the idempotency key.</param>
public sealed record ScheduledWork(string ActivityId, string? From = null, Bookmark? Resumed = null, JsonNode? Input = null, int Attempt = 1);

/// <summary>A named wait of one activity, e.g. <c>Review</c>; <see cref="DueAt"/> makes it a timer.</summary>
public sealed record Bookmark(string Id, string Name, string ActivityId, JsonNode? Payload, DateTime CreatedAt, DateTime? DueAt = null);

/// <summary>Why and since when an instance is on hold.</summary>
public sealed record InstanceHold(string Reason, DateTime Since);

public sealed record FaultInfo(string ActivityId, string ActivityType, string ExceptionType, string Message, int Attempt, DateTime OccurredAt);
