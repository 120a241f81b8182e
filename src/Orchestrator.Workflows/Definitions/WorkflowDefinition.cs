namespace Orchestrator.Workflows.Definitions;

/// <summary>A workflow as ops leads edit it, in the JSON shape Elsa 3 uses for flowcharts.</summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }

    public string? Name { get; init; }

    public int Version { get; init; } = 1;

    public bool IsPublished { get; init; }

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public required Flowchart Root { get; init; }
}
