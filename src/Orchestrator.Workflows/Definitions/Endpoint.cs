namespace Orchestrator.Workflows.Definitions;

/// <summary>An activity id and, on the source side, the outcome port.</summary>
public sealed record Endpoint(string Activity, string? Port = null);
