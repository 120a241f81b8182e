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
    /// <summary>The review: computes only the costly facts the two sets read (the evaluation's other facts are defaults).</summary>
    public async Task<ReviewDecision> DecideAsync(SalesOrder order, CancellationToken cancellationToken) =>
        (await EvaluateAsync(order, null, null, allFacts: false, cancellationToken)).Decision;

    /// <summary>A dry run of the published sets: every fact computed, since it shows them.</summary>
    public Task<ReviewEvaluation> EvaluateAsync(SalesOrder order, CancellationToken ct) => EvaluateAsync(order, null, null, allFacts: true, ct);

    /// <summary>
    /// Evaluates with <paramref name="draft"/> in place of its scope's published set (its version then reads null), on
    /// <paramref name="built"/> facts when given, so an impact preview builds them once for both evaluations of an order.
    /// Every fact is computed, since a dry run shows them.
    /// </summary>
    public Task<ReviewEvaluation> EvaluateAsync(SalesOrder order, RuleSetOverride? draft, (OrderFacts Facts, long PlatformId)? built, CancellationToken ct) =>
        EvaluateAsync(order, draft, built, allFacts: true, ct);

    private async Task<ReviewEvaluation> EvaluateAsync(
        SalesOrder order, RuleSetOverride? draft, (OrderFacts Facts, long PlatformId)? built, bool allFacts, CancellationToken ct)
    {
        var shopFacts = built is null ? await factsBuilder.ShopAsync(order.ShopId, ct) : null;
        var platformId = built?.PlatformId ?? shopFacts!.PlatformId;
        var platformSet = await SetAsync(RuleScopeKind.Platform, platformId, draft, ct);
        var shopSet = await SetAsync(RuleScopeKind.Shop, order.ShopId, draft, ct);
        var facts = built?.Facts ?? await factsBuilder.BuildAsync(
            order, shopFacts!, allFacts ? FactNeeds.All : FactNeeds.For(platformSet.Compiled, shopSet.Compiled), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (platform, platformVersion) = await EvaluateSetAsync(RuleScopeKind.Platform, platformSet, facts, now);
        var (shop, shopVersion) = await EvaluateSetAsync(RuleScopeKind.Shop, shopSet, facts, now);
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

    /// <summary>The set that applies to a scope: the draft replacing it, its compiled current version, one that does not compile, or none.</summary>
    private async Task<ScopeSet> SetAsync(RuleScopeKind kind, long id, RuleSetOverride? draft, CancellationToken ct)
    {
        if (draft is not null && draft.Replaces(kind, id))
        {
            return new ScopeSet(draft.Compiled, null, null);
        }

        return await store.CompiledAsync(kind, id, ct) is { } current
            ? new ScopeSet(current.Compiled, current.Version, current.CompileError)
            : new ScopeSet(null, null, null);
    }

    private static async Task<(RuleSetEvaluation Evaluation, int? Version)> EvaluateSetAsync(RuleScopeKind kind, ScopeSet set, OrderFacts facts, DateTime now)
    {
        if (set.Compiled is { } compiled)
        {
            return (await compiled.EvaluateAsync(facts, now), set.Version);
        }

        if (set.Version is { } version)
        {
            var reason = $"The {kind.ToString().ToLowerInvariant()} rule set v{version} could not be compiled: {set.CompileError}";
            return (new RuleSetEvaluation(RuleVerdict.Block, [reason], null, null, [], [reason]), version);
        }

        return (RuleSetEvaluation.Empty, null);
    }

    /// <summary>A scope's rules for one evaluation: compiled (version null for a draft), or the version and why it does not compile, or nothing.</summary>
    private sealed record ScopeSet(CompiledRuleSet? Compiled, int? Version, string? CompileError);
}
