using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>
/// One line of a definition's history; equal <c>contentHash</c>es mean equal content. <c>publishedBy</c> is the user name
/// (or <c>key:&lt;name&gt;</c>, <c>system</c>) that published the version, when the audit trail says.
/// </summary>
public sealed record WorkflowDefinitionVersionResponse(
    int Version, DefinitionState State, string? Name, string Source, DateTime CreatedAt, DateTime? PublishedAt, string? PublishedBy, string ContentHash)
{
    public static WorkflowDefinitionVersionResponse From(WorkflowDefinitionRecord r, string? publishedBy) =>
        new(r.Version, r.State, r.Name, r.Source, r.CreatedAt, r.PublishedAt, publishedBy, r.ContentHash);
}
