namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>How one pull cycle of a shop went.</summary>
[GenerateSerializer]
[Immutable]
public sealed record PullRun(
    [property: Id(0)] PullRunKind Kind,
    [property: Id(1)] DateTime? Since = null,
    [property: Id(2)] DateTime? Until = null,
    [property: Id(3)] int OrdersTaken = 0,
    [property: Id(4)] string? Error = null);
