using Orchestrator.Lifecycle.Providers;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>Everything review looked at for one order: the facts, the built-in check, each rule set's evaluation and the decision.</summary>
public sealed record ReviewEvaluation(
    OrderFacts Facts, string? BuiltInReason, int? PlatformVersion, RuleSetEvaluation Platform, int? ShopVersion, RuleSetEvaluation Shop,
    ReviewDecision Decision);
