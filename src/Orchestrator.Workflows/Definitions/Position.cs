namespace Orchestrator.Workflows.Definitions;

public sealed record Position(double X, double Y);
