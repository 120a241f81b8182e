namespace Orchestrator.Persistence.Workflows;

/// <summary>Where one version of a workflow definition stands.</summary>
public enum DefinitionState
{
    /// <summary>Being edited; at most one per definition, always its highest version.</summary>
    Draft,

    /// <summary>The version new instances start; at most one per definition.</summary>
    Published,

    /// <summary>Once published, now replaced or unpublished; instances pinned to it still run on it.</summary>
    Retired,
}
