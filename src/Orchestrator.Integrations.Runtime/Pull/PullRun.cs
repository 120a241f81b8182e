namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>How one pull cycle of a shop went; refused trades (recorded in <c>PullRefusals</c>) do not fail it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record PullRun(
    [property: Id(0)] PullRunKind Kind,
    [property: Id(1)] DateTime? Since = null,
    [property: Id(2)] DateTime? Until = null,
    [property: Id(3)] int OrdersTaken = 0,
    [property: Id(4)] string? Error = null,
    [property: Id(5)] int OrdersRefused = 0);
