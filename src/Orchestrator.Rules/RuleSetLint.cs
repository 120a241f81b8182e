namespace Orchestrator.Rules;

/// <summary>What publishing a rule set is told beyond validity: mistakes that are refused, and legitimate oddities to warn of.</summary>
public sealed record RuleSetLint(IReadOnlyList<RuleError> Errors, IReadOnlyList<RuleError> Warnings);
