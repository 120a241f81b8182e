using Orchestrator.Rules;

namespace Orchestrator.Rules.Tests;

/// <summary>Short ways to write rules and evaluate them in tests.</summary>
internal static class RuleBuilder
{
    public static readonly DateTime Now = new(2026, 11, 11, 8, 0, 0, DateTimeKind.Utc);

    public static ReviewRule Rule(string id, Condition when, RuleActionType action = RuleActionType.Block, int priority = 0, string? reason = null,
        int? holdMinutes = null, DateTimeOffset? until = null, bool enabled = true) => new()
        {
            Id = id,
            Name = "规则" + id,
            Priority = priority,
            Enabled = enabled,
            When = when,
            Action = new RuleAction
            {
                Type = action,
                Reason = reason ?? (action is RuleActionType.Block or RuleActionType.RouteToException ? "原因" + id : null),
                HoldMinutes = holdMinutes,
                Until = until,
            },
        };

    public static ReviewRule When(string field, string op, object? value) => Rule("r", Condition.AllOf(Condition.Compare(field, op, value)));

    public static RuleSetEvaluation Evaluate(OrderFacts facts, params ReviewRule[] rules) =>
        RuleSetCompiler.Compile(new RuleSet { Rules = rules }).EvaluateAsync(facts, Now).AsTask().GetAwaiter().GetResult();

    public static bool Matches(OrderFacts facts, string field, string op, object? value) => Evaluate(facts, When(field, op, value)).Matches.Any();
}
