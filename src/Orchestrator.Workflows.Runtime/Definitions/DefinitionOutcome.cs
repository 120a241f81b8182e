namespace Orchestrator.Workflows.Runtime.Definitions;

/// <summary>What a change to a workflow definition came to.</summary>
public enum DefinitionOutcome
{
    /// <summary>The draft was created or updated (it may still have validation errors).</summary>
    Saved,

    /// <summary>A version became the published one.</summary>
    Published,

    /// <summary>The published version was retired.</summary>
    Unpublished,

    /// <summary>The content equals the latest version's; nothing was written.</summary>
    Unchanged,

    /// <summary>The definition, or the version the change needs (a draft, a published version), does not exist.</summary>
    NotFound,

    /// <summary>Refused because the definition has validation errors; nothing was written.</summary>
    Invalid,

    /// <summary>The change was based on an older revision, or lost a race with another writer.</summary>
    Conflict,

    /// <summary>Refused for a reason other than validity, e.g. unpublishing the default workflow.</summary>
    Refused,
}
