namespace Orchestrator.Rules;

/// <summary>A rule set's decision for one order, with every evaluated rule (for the dry-run and the journal).</summary>
public sealed record RuleSetEvaluation(
    RuleVerdict Verdict, IReadOnlyList<string> Reasons, DateTime? HoldUntil, string? ApprovedByRuleId, IReadOnlyList<RuleResult> Rules,
    IReadOnlyList<string> Warnings)
{
    public static RuleSetEvaluation Empty { get; } = new(RuleVerdict.Approve, [], null, null, [], []);

    /// <summary>The rules that matched and counted, in priority order.</summary>
    public IEnumerable<RuleResult> Matches => Rules.Where(r => r.Matched && r.Considered);
}
