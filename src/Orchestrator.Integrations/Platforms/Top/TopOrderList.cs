namespace Orchestrator.Integrations.Platforms.Top;

/// <summary>TOP wraps every list in an object named for its element: <c>"orders": {"order": [...]}</c>.</summary>
public sealed record TopOrderList(IReadOnlyList<TopOrder>? Order);
