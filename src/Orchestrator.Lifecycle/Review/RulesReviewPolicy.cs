using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// Service review by rules: the built-in unmapped-SKU block, then the platform's global set and the shop's set, each
/// evaluated on its own (an AutoApprove ends only its own set's walk). The most severe verdict wins and every matching
/// rule's reason goes on the order. Fails closed (DESIGN.md §7): a rule or a set that cannot be evaluated stops the order
/// for a reviewer with the reason, never approves it.
/// </summary>
public sealed class RulesReviewPolicy(OrderFactsBuilder factsBuilder, RuleSetStore store, TimeProvider clock) : IReviewPolicy
{
    public async Task<ReviewDecision> DecideAsync(SalesOrder order, CancellationToken cancellationToken) =>
        (await EvaluateAsync(order, cancellationToken)).Decision;

    public Task<ReviewEvaluation> EvaluateAsync(SalesOrder order, CancellationToken ct) => EvaluateAsync(order, null, null, ct);

    /// <summary>
    /// Evaluates with <paramref name="draft"/> in place of its scope's published set (its version then reads null), on
    /// <paramref name="built"/> facts when given, so an impact preview builds them once for both evaluations of an order.
    /// </summary>
    public async Task<ReviewEvaluation> EvaluateAsync(SalesOrder order, RuleSetOverride? draft, (OrderFacts Facts, long PlatformId)? built, CancellationToken ct)
    {
        var (facts, platformId) = built ?? await factsBuilder.BuildAsync(order, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (platform, platformVersion) = await EvaluateSetAsync(RuleScopeKind.Platform, platformId, facts, now, draft, ct);
        var (shop, shopVersion) = await EvaluateSetAsync(RuleScopeKind.Shop, order.ShopId, facts, now, draft, ct);
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
        }, reasons, holdUntil)
        {
            Warnings = [.. platform.Warnings, .. shop.Warnings],
            PlatformRuleSetVersion = platformVersion,
            ShopRuleSetVersion = shopVersion,
        };
        return new ReviewEvaluation(facts, builtIn, platformVersion, platform, shopVersion, shop, decision);
    }

    private async Task<(RuleSetEvaluation Evaluation, int? Version)> EvaluateSetAsync(
        RuleScopeKind kind, long id, OrderFacts facts, DateTime now, RuleSetOverride? draft, CancellationToken ct)
    {
        if (draft is not null && draft.Replaces(kind, id))
        {
            return (await draft.Compiled.EvaluateAsync(facts, now), null);
        }

        if (await store.CompiledAsync(kind, id, ct) is not { } current)
        {
            return (RuleSetEvaluation.Empty, null);
        }

        if (current.Compiled is not { } compiled)
        {
            var reason = $"The {kind.ToString().ToLowerInvariant()} rule set v{current.Version} could not be compiled: {current.CompileError}";
            return (new RuleSetEvaluation(RuleVerdict.Block, [reason], null, null, [], [reason]), current.Version);
        }

        return (await compiled.EvaluateAsync(facts, now), current.Version);
    }
}
