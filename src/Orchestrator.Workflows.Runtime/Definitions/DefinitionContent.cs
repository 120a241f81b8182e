using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Runtime.Definitions;

/// <summary>Reads and writes definition JSON in <see cref="WorkflowJson.Options"/>, and fingerprints its content.</summary>
public static class DefinitionContent
{
    /// <summary>Reads a definition; throws <see cref="JsonException"/> naming the path of what is wrong.</summary>
    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)
        ?? throw new JsonException("A workflow definition is a JSON object, not null.");

    /// <summary>The JSON stored for one version, carrying that version's number and published flag.</summary>
    public static string Serialize(WorkflowDefinition definition, int version, bool isPublished) =>
        JsonSerializer.Serialize(definition with { Version = version, IsPublished = isPublished }, WorkflowJson.Options);

    /// <summary>
    /// SHA-256 (lower-case hex) of the definition re-serialized canonically, leaving out <c>version</c> and
    /// <c>isPublished</c>: the same workflow hashes alike whatever version it is stored as and however it was formatted.
    /// </summary>
    public static string Hash(WorkflowDefinition definition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(definition, version: 0, isPublished: false))));
}
