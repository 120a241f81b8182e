namespace Orchestrator.Rules;

/// <summary>Thrown when a rule set that does not validate is compiled.</summary>
public sealed class RuleSetInvalidException(IReadOnlyList<RuleError> errors)
    : Exception("The rule set is invalid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Describe()}")))
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}
