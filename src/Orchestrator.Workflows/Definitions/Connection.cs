namespace Orchestrator.Workflows.Definitions;

/// <summary>An edge from one activity's outcome port to another activity.</summary>
public sealed record Connection(Endpoint Source, Endpoint Target);
