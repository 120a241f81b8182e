using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Runtime.Definitions;

/// <summary>The outcome of a change with the version it concerns and, when relevant, its validation errors or why it was refused.</summary>
/// <param name="Record">The version written or left as is; on <see cref="DefinitionOutcome.Conflict"/> the current latest version, if any.</param>
/// <param name="Errors">The validation errors of <paramref name="Record"/> (saved drafts may have some), or why it was <see cref="DefinitionOutcome.Invalid"/>.</param>
/// <param name="Reason">Why the change was refused or not found, in a sentence for the caller.</param>
public sealed record DefinitionResult(
    DefinitionOutcome Outcome, WorkflowDefinitionRecord? Record, IReadOnlyList<DefinitionError> Errors, string? Reason = null)
{
    public static DefinitionResult NotFound(string reason) => new(DefinitionOutcome.NotFound, null, [], reason);

    public static DefinitionResult Refused(WorkflowDefinitionRecord record, string reason) => new(DefinitionOutcome.Refused, record, [], reason);

    public static DefinitionResult Invalid(IReadOnlyList<DefinitionError> errors) => new(DefinitionOutcome.Invalid, null, errors);
}
