namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>One definition in the list: its latest version's name, and which versions are published and in draft.</summary>
public sealed record WorkflowDefinitionSummaryResponse(
    string DefinitionId, string? Name, int LatestVersion, int? PublishedVersion, bool HasDraft, DateTime UpdatedAt);
