namespace Orchestrator.Rules;

/// <summary>A shop's or a platform's review rules (满足条件阻止 and friends), evaluated in priority order.</summary>
public sealed record RuleSet
{
    public IReadOnlyList<ReviewRule> Rules { get; init; } = [];
}
