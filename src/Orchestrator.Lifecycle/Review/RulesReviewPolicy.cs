using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// Service review by rules: the built-in unmapped-SKU block, then the platform's global set and the shop's set, each
/// evaluated on its own (an AutoApprove ends only its own set's walk). The most severe verdict wins and every matching
/// rule's reason goes on the order.
/// </summary>
public sealed class RulesReviewPolicy(OrderFactsBuilder factsBuilder, RuleSetStore store, TimeProvider clock) : IReviewPolicy
{
    public async Task<ReviewDecision> DecideAsync(SalesOrder order, CancellationToken cancellationToken) =>
        (await EvaluateAsync(order, cancellationToken)).Decision;

    public async Task<ReviewEvaluation> EvaluateAsync(SalesOrder order, CancellationToken ct)
    {
        var (facts, platformId) = await factsBuilder.BuildAsync(order, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (platform, platformVersion) = await EvaluateSetAsync(RuleScopeKind.Platform, platformId, facts, now, ct);
        var (shop, shopVersion) = await EvaluateSetAsync(RuleScopeKind.Shop, order.ShopId, facts, now, ct);
        var builtIn = BuiltInReviewPolicy.UnmappedSkuReason(order);

        var verdict = (RuleVerdict)Math.Max((int)platform.Verdict, (int)shop.Verdict);
        if (builtIn is not null)
        {
            verdict = RuleVerdict.RouteToException;
        }

        var reasons = new List<string>();
        if (builtIn is not null)
        {
            reasons.Add(builtIn);
        }

        reasons.AddRange(platform.Reasons);
        reasons.AddRange(shop.Reasons);
        var holdUntil = verdict == RuleVerdict.Hold ? new[] { platform.HoldUntil, shop.HoldUntil }.Max() : null;
        var decision = new ReviewDecision(verdict switch
        {
            RuleVerdict.RouteToException => ReviewVerdict.RouteToException,
            RuleVerdict.Block => ReviewVerdict.Block,
            RuleVerdict.Hold => ReviewVerdict.Hold,
            _ => ReviewVerdict.Approve,
        }, reasons, holdUntil);
        return new ReviewEvaluation(facts, builtIn, platformVersion, platform, shopVersion, shop, decision);
    }

    private async Task<(RuleSetEvaluation Evaluation, int? Version)> EvaluateSetAsync(RuleScopeKind kind, long id, OrderFacts facts, DateTime now, CancellationToken ct) =>
        await store.CompiledAsync(kind, id, ct) is { } compiled
            ? (await compiled.Compiled.EvaluateAsync(facts, now), compiled.Version)
            : (RuleSetEvaluation.Empty, null);
}
