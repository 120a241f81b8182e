namespace Orchestrator.Workflows.Definitions;

/// <summary>The root container: activities joined by connections from outcome ports.</summary>
public sealed record Flowchart
{
    public string Type { get; init; } = "Flowchart";

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];
}
