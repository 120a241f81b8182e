namespace Orchestrator.Workflows.Activities;

/// <summary>One input an activity takes; the designer builds its properties panel from these.</summary>
public sealed record InputDescriptor(string Name, string DisplayName, InputType Type, bool IsRequired = false, string? Description = null);
