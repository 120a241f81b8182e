namespace Orchestrator.Workflows.Activities;

/// <summary>What an activity type is, for the palette and for validation.</summary>
/// <param name="TypeName">The <c>type</c> in workflow JSON.</param>
/// <param name="Outcomes">The named ports a connection may leave from.</param>
/// <param name="IsStart">The activity an instance starts at; a flowchart has exactly one.</param>
/// <param name="SuspendsOnBookmark">The activity may wait (a person, a timer, an event), so a loop through it is not a busy loop.</param>
/// <param name="EndsWorkflow">Completing it finishes the whole instance, whatever else is still waiting.</param>
/// <param name="Description">One sentence for the palette's tooltip.</param>
public sealed record ActivityDescriptor(
    string TypeName,
    string Category,
    string DisplayName,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool IsStart = false,
    bool SuspendsOnBookmark = false,
    bool EndsWorkflow = false,
    string? Description = null);
