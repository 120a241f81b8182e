using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// Runs a scope's most recent stored orders through review twice, with the published sets and with a draft in place,
/// and tells what would change. Reads only: nothing is stored and no order moves.
/// </summary>
public sealed class RuleImpactPreview(OrchestratorDbContext db, OrderFactsBuilder factsBuilder, RulesReviewPolicy policy)
{
    public const int MaxExamples = 20;

    // Most severe first, so the summary leads with what stops orders.
    private static readonly (ReviewVerdict Verdict, string More, string Fewer)[] Phrases =
    [
        (ReviewVerdict.Block, "blocks {0} more", "blocks {0} fewer"),
        (ReviewVerdict.RouteToException, "sends {0} more to exceptions", "sends {0} fewer to exceptions"),
        (ReviewVerdict.Hold, "holds {0} more", "holds {0} fewer"),
        (ReviewVerdict.Approve, "approves {0} more", "approves {0} fewer"),
    ];

    /// <summary>Previews <paramref name="draft"/> over the last <paramref name="limit"/> orders received in its scope, newest first.</summary>
    public async Task<ImpactPreviewResult> PreviewAsync(RuleSetOverride draft, int limit, CancellationToken ct)
    {
        var orders = db.SalesOrders.AsNoTracking();
        orders = draft.Kind == RuleScopeKind.Shop
            ? orders.Where(o => o.ShopId == draft.ScopeId)
            : orders.Where(o => db.Shops.Any(s => s.Id == o.ShopId && s.PlatformId == draft.ScopeId));
        var recent = await orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Take(limit)
            .Include(o => o.Lines).ThenInclude(l => l.Items).AsSplitQuery().ToListAsync(ct);

        var current = NewCounts();
        var drafted = NewCounts();
        var transitions = new Dictionary<(ReviewVerdict From, ReviewVerdict To), int>();
        var examples = new List<ImpactExample>();
        foreach (var order in recent)
        {
            var facts = await factsBuilder.BuildAsync(order, ct);
            var before = (await policy.EvaluateAsync(order, null, facts, ct)).Decision;
            var after = (await policy.EvaluateAsync(order, draft, facts, ct)).Decision;
            current[before.Verdict]++;
            drafted[after.Verdict]++;
            if (before.Verdict == after.Verdict)
            {
                continue;
            }

            transitions[(before.Verdict, after.Verdict)] = transitions.GetValueOrDefault((before.Verdict, after.Verdict)) + 1;
            if (examples.Count < MaxExamples)
            {
                examples.Add(new ImpactExample(order.Id, order.PlatformOrderId, before.Verdict.ToString(), after.Verdict.ToString(), after.Reasons));
            }
        }

        return new ImpactPreviewResult(
            recent.Count,
            transitions.Values.Sum(),
            Summarize(current, drafted, transitions.Values.Sum()),
            new ImpactCounts(Named(current), Named(drafted)),
            transitions.OrderByDescending(t => t.Value).ThenBy(t => t.Key.From).ThenBy(t => t.Key.To)
                .Select(t => new ImpactTransition(t.Key.From.ToString(), t.Key.To.ToString(), t.Value)).ToList(),
            examples);
    }

    // Plain words from the change per verdict: "blocks 12 more, approves 3 fewer".
    private static string Summarize(IReadOnlyDictionary<ReviewVerdict, int> current, IReadOnlyDictionary<ReviewVerdict, int> draft, int changed)
    {
        if (changed == 0)
        {
            return "no change";
        }

        var parts = Phrases
            .Select(p => (Phrase: p, Delta: draft.GetValueOrDefault(p.Verdict) - current.GetValueOrDefault(p.Verdict)))
            .Where(p => p.Delta != 0)
            .Select(p => string.Format(CultureInfo.InvariantCulture, p.Delta > 0 ? p.Phrase.More : p.Phrase.Fewer, Math.Abs(p.Delta)))
            .ToList();
        // Orders can swap decisions with the totals unchanged; say so rather than "no change".
        return parts.Count > 0 ? string.Join(", ", parts) : $"same totals, {changed} {(changed == 1 ? "order changes" : "orders change")} decision";
    }

    private static Dictionary<ReviewVerdict, int> NewCounts() => Enum.GetValues<ReviewVerdict>().ToDictionary(v => v, _ => 0);

    private static Dictionary<string, int> Named(Dictionary<ReviewVerdict, int> counts) => counts.ToDictionary(c => c.Key.ToString(), c => c.Value);
}
