namespace Orchestrator.Rules;

/// <summary>
/// The action of a rule. <see cref="Reason"/> is required for Block and RouteToException (reviewers see it); HoldUntil
/// takes <see cref="HoldMinutes"/> (counted from the payment time) or a fixed <see cref="Until"/>.
/// </summary>
public sealed record RuleAction
{
    public RuleActionType Type { get; init; }

    public string? Reason { get; init; }

    public int? HoldMinutes { get; init; }

    public DateTimeOffset? Until { get; init; }
}
