namespace Orchestrator.Simulators.Platform;

/// <summary>TOP's list wrapper: <c>"orders": {"order": [...]}</c>.</summary>
public sealed record SimOrderList(IReadOnlyList<SimOrder> Order);
