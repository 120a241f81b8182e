namespace Orchestrator.Rules;

/// <summary>
/// One enabled rule as evaluated. <see cref="Considered"/> is false for rules after a matching AutoApprove, which the
/// decision ignores. <see cref="Unevaluable"/> says why the rule could not be evaluated (a condition threw or timed out, a
/// hold time could not be computed); such a rule counts as matched unless it is an AutoApprove, and stops the order.
/// </summary>
public sealed record RuleResult(
    string RuleId, string Name, int Priority, RuleActionType Action, bool Matched, bool Considered, string? Reason, DateTime? HoldUntil,
    IReadOnlyList<ConditionResult> Conditions, string? Unevaluable = null);
