namespace Orchestrator.Workflows.Validation;

/// <summary>One thing wrong with a workflow definition, located so the designer can mark the activity concerned.</summary>
/// <param name="Code">A stable name for the kind of error, e.g. <c>DanglingConnection</c>.</param>
/// <param name="Path">JSON path in the definition, e.g. <c>root.connections[2].target.activity</c>.</param>
/// <param name="Port">The outcome port concerned, when the error is about one (an outcome connected twice or left unconnected).</param>
public sealed record DefinitionError(string Code, string Path, string Message, string? ActivityId = null, string? Port = null);
