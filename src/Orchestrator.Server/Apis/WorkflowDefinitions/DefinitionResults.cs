using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>Turns what the definition store did into HTTP: the version written, or a problem that says why not.</summary>
internal static class DefinitionResults
{
    public static IResult ToHttp(this DefinitionResult result, bool isImport = false) => result switch
    {
        { Outcome: DefinitionOutcome.NotFound } => NotFound(result.Reason!),
        { Outcome: DefinitionOutcome.Invalid } => Invalid(result.Errors),
        { Outcome: DefinitionOutcome.Conflict } => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Edit conflict", detail: result.Reason,
            extensions: new Dictionary<string, object?> { ["currentRevision"] = result.Record?.Revision }),
        { Outcome: DefinitionOutcome.Refused } => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed", detail: result.Reason),
        { Record: { } record } => Results.Ok(WorkflowDefinitionResponse.From(
            record, result.Errors, isImport ? result.Outcome == DefinitionOutcome.Unchanged : null)),
        _ => throw new InvalidOperationException($"A {result.Outcome} result carries the version it concerns."),
    };

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workflow definition not found", detail: detail);

    /// <summary>A 400 whose <c>errors</c> lists each problem with its code, JSON path and activity id.</summary>
    public static IResult Invalid(IReadOnlyList<DefinitionError> errors) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid workflow definition",
            detail: $"The workflow definition has {errors.Count} error(s) to fix first; nothing was changed.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
