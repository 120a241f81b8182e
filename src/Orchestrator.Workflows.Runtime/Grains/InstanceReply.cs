using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>How a call to an instance went, in words the API turns into a status code.</summary>
public enum ReplyKind
{
    Done,
    NotFound,
    NoSuchBookmark,
    NotActive,
    Faulted,
    NotFaulted,
    Rejected,

    /// <summary>The instance is on hold (its order is in the exception queue).</summary>
    Held,

    /// <summary>A release found no hold to lift.</summary>
    NotHeld,
}

[GenerateSerializer]
[Immutable]
public sealed record InstanceReply(
    [property: Id(0)] ReplyKind Kind,
    [property: Id(1)] WorkflowStatus? Status = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] string? Field = null,
    [property: Id(4)] IReadOnlyList<string>? OpenBookmarks = null,
    [property: Id(5)] string? Answer = null);
