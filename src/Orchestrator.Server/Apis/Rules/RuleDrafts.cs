using Orchestrator.Lifecycle.Review;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>Compiles the draft of a dry run or an impact preview, with its errors keyed by where they are in the request.</summary>
internal static class RuleDrafts
{
    /// <summary>
    /// The override for <c>draft</c> (the whole set) or <c>rule</c> (the published set with it added, or replacing the rule
    /// of its id); null with no problem when the request has neither.
    /// </summary>
    public static async Task<(RuleSetOverride? Draft, IResult? Problem)> CompileAsync(
        RuleScopeKind kind, long scopeId, RuleDraftRequest? draft, ReviewRule? rule, RuleSetStore store, CancellationToken ct)
    {
        if (draft is not null && rule is not null)
        {
            return (null, Problems.Invalid("rule", "Send either \"draft\" (a whole rule set) or \"rule\" (one rule added to the published set), not both."));
        }

        RuleSet set;
        Func<string, string> locate;
        if (draft is not null)
        {
            if (draft.Rules is null)
            {
                return (null, Problems.Invalid("draft.rules", "draft.rules is required: the rules to try, [] for none."));
            }

            var missing = draft.Rules.ToList().FindIndex(r => r is null);
            if (missing >= 0)
            {
                return (null, Problems.Invalid($"draft.rules[{missing}]", "A rule is required here, not null."));
            }

            set = new RuleSet { Rules = draft.Rules.Select(r => r!).ToList() };
            locate = path => "draft." + path;
        }
        else if (rule is not null)
        {
            var rules = (await store.CurrentAsync(kind, scopeId, ct)).Set.Rules.ToList();
            var index = rules.FindIndex(r => r.Id == rule.Id);
            if (index < 0)
            {
                index = rules.Count;
                rules.Add(rule);
            }
            else
            {
                rules[index] = rule;
            }

            set = new RuleSet { Rules = rules };
            locate = InRule($"rules[{index}]");
        }
        else
        {
            return (null, null);
        }

        try
        {
            return (new RuleSetOverride(kind, scopeId, RuleSetCompiler.Compile(set)), null);
        }
        catch (RuleSetInvalidException e)
        {
            return (null, Problems.Invalid(e.Errors.GroupBy(error => locate(error.Path)).ToDictionary(g => g.Key, g => g.Select(error => error.Describe()).ToArray())));
        }
    }

    // The draft rule's own errors are reported under "rule"; the published rules keep their set paths.
    private static Func<string, string> InRule(string prefix) => path =>
        path == prefix ? "rule"
        : path.StartsWith(prefix + ".", StringComparison.Ordinal) ? "rule" + path[prefix.Length..]
        : path;
}
