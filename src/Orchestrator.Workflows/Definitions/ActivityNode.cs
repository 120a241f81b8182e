using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Workflows.Definitions;

/// <summary>One activity on the canvas; as in Elsa 3, its inputs sit beside id and type.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Name { get; init; }

    public ActivityMetadata? Metadata { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement> Inputs { get; init; } = [];
}
