namespace Orchestrator.Workflows.Definitions;

/// <summary>What the designer keeps about an activity: where it is drawn.</summary>
public sealed record ActivityMetadata(DesignerMetadata? Designer);
