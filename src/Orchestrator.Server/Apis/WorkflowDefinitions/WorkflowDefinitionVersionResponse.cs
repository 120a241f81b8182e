using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>One line of a definition's history; equal <c>contentHash</c>es mean equal content.</summary>
public sealed record WorkflowDefinitionVersionResponse(
    int Version, DefinitionState State, string? Name, string Source, DateTime CreatedAt, DateTime? PublishedAt, string ContentHash)
{
    public static WorkflowDefinitionVersionResponse From(WorkflowDefinitionRecord r) =>
        new(r.Version, r.State, r.Name, r.Source, r.CreatedAt, r.PublishedAt, r.ContentHash);
}
