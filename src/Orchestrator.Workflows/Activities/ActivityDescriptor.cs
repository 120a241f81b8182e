namespace Orchestrator.Workflows.Activities;

/// <summary>What an activity type is, for the palette and for validation.</summary>
/// <param name="TypeName">The <c>type</c> in workflow JSON.</param>
/// <param name="Outcomes">The named ports a connection may leave from.</param>
/// <param name="IsStart">The activity an instance starts at; a flowchart has exactly one.</param>
/// <param name="SuspendsOnBookmark">The activity may wait (a person, a timer, an event), so a loop through it is not a busy loop.</param>
/// <param name="EndsWorkflow">Completing it finishes the whole instance, whatever else is still waiting.</param>
/// <param name="Description">One sentence for the palette's tooltip.</param>
/// <param name="CallsOut">
/// The activity calls a system outside the database (a carrier, a platform). The runtime commits the run's earlier steps
/// before it and its own step right after it, so no database transaction is held open across the call and what the call
/// got is stored at once.
/// </param>
/// <param name="FansOut">
/// One outcome may be connected to several activities, all started side by side (Fork). Any other activity's outcome
/// leads to one place, so a second connection from it is refused as a slip.
/// </param>
public sealed record ActivityDescriptor(
    string TypeName,
    string Category,
    string DisplayName,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool IsStart = false,
    bool SuspendsOnBookmark = false,
    bool EndsWorkflow = false,
    string? Description = null,
    bool CallsOut = false,
    bool FansOut = false);
