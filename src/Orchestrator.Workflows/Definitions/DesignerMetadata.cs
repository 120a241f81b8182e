namespace Orchestrator.Workflows.Definitions;

public sealed record DesignerMetadata(Position? Position);
