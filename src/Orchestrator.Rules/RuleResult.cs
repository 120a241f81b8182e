namespace Orchestrator.Rules;

/// <summary>
/// One enabled rule as evaluated. <see cref="Considered"/> is false for rules after a matching AutoApprove, which the
/// decision ignores.
/// </summary>
public sealed record RuleResult(
    string RuleId, string Name, int Priority, RuleActionType Action, bool Matched, bool Considered, string? Reason, DateTime? HoldUntil,
    IReadOnlyList<ConditionResult> Conditions);
