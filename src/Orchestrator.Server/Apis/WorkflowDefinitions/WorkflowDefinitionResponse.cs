using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>
/// One version: the definition's own fields as stored (Elsa-shaped <c>variables</c> and <c>root</c>), where it stands, and
/// its validation <c>errors</c> so the designer can mark the activities concerned. <c>unchanged</c> only answers an import.
/// </summary>
public sealed record WorkflowDefinitionResponse(
    string DefinitionId,
    string? Name,
    int Version,
    bool IsPublished,
    JsonElement Variables,
    JsonElement Root,
    DefinitionState State,
    string Source,
    int Revision,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    IReadOnlyList<DefinitionError> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Unchanged = null)
{
    public static WorkflowDefinitionResponse From(WorkflowDefinitionRecord record, IReadOnlyList<DefinitionError> errors, bool? unchanged = null)
    {
        using var json = JsonDocument.Parse(record.Json);
        var definition = json.RootElement;
        return new(record.DefinitionId, record.Name, record.Version, record.State == DefinitionState.Published,
            definition.GetProperty("variables").Clone(), definition.GetProperty("root").Clone(),
            record.State, record.Source, record.Revision, record.CreatedAt, record.UpdatedAt, record.PublishedAt, errors, unchanged);
    }
}
