namespace Orchestrator.Persistence.Workflows;

/// <summary>One version of a workflow definition as stored: the Elsa-shaped JSON plus what lists and filters need.</summary>
public sealed class WorkflowDefinitionRecord
{
    public long Id { get; set; }

    /// <summary>The stable name of the workflow, e.g. <c>sales-order</c>.</summary>
    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public string? Name { get; set; }

    public DefinitionState State { get; set; }

    /// <summary>The definition JSON (<c>WorkflowDefinition</c>) exactly as it runs.</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of the canonical JSON, so an unchanged file or import does not make a new version.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Where this version came from: <c>api</c>, <c>import</c>, <c>file:workflows/…</c>, or <c>rollback:v1</c> for a version published again.</summary>
    public required string Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Bumped on every save of a draft; a save carrying an older revision is a conflict.</summary>
    public int Revision { get; set; }
}
