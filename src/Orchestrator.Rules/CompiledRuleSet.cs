using Re = RulesEngine.Models;

namespace Orchestrator.Rules;

/// <summary>
/// One rule-set version, compiled once and shared by every evaluation of it (thread-safe). Decision precedence: enabled
/// rules are walked by priority and a matching AutoApprove ends the walk; then RouteToException beats Block (all Block
/// reasons), Block beats HoldUntil (the latest time that is still ahead), and HoldUntil beats Approve.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly RulesEngine.RulesEngine? _engine;
    private readonly string _workflowName;
    private readonly IReadOnlyList<(string Path, ReviewRule Rule)> _rules;
    private readonly IReadOnlyList<ConditionValue> _values;
    private readonly IReadOnlyDictionary<string, CompiledCondition> _conditions;

    internal CompiledRuleSet(
        RulesEngine.RulesEngine? engine, string workflowName, IReadOnlyList<(string Path, ReviewRule Rule)> rules, IReadOnlyList<ConditionValue> values,
        IReadOnlyDictionary<string, CompiledCondition> conditions)
    {
        _engine = engine;
        _workflowName = workflowName;
        _rules = rules;
        _values = values;
        _conditions = conditions;
    }

    /// <summary>How long compiling (validation, expression building and RulesEngine's first compile) took.</summary>
    public TimeSpan CompileTime { get; internal set; }

    public int RuleCount => _rules.Count;

    public async ValueTask<RuleSetEvaluation> EvaluateAsync(OrderFacts facts, DateTime now)
    {
        if (_engine is null)
        {
            return RuleSetEvaluation.Empty;
        }

        var scope = new EvaluationScope(_values);
        var trees = (await _engine.ExecuteAllRulesAsync(_workflowName, new Re.RuleParameter("facts", facts), new Re.RuleParameter("scope", scope)))
            .ToDictionary(t => t.Rule.RuleName, StringComparer.Ordinal);
        var timedOut = scope.TimedOut.ToHashSet();
        var warnings = new List<string>();
        var results = new List<RuleResult>(_rules.Count);
        string? approvedBy = null;
        foreach (var (path, rule) in _rules)
        {
            var tree = trees[path];
            var conditions = new List<ConditionResult>();
            Collect(tree, facts, timedOut, conditions, warnings, rule);
            var considered = approvedBy is null;
            var matched = tree.IsSuccess;
            if (matched && considered && rule.Action.Type == RuleActionType.AutoApprove)
            {
                approvedBy = rule.Id;
            }

            var until = rule.Action.Type == RuleActionType.HoldUntil ? HoldUntil(rule.Action, facts) : null;
            results.Add(new RuleResult(rule.Id, rule.Name, rule.Priority, rule.Action.Type, matched, considered, ReasonOf(rule, until), until, conditions));
        }

        return Decide(results, approvedBy, warnings, now);
    }

    internal void WarmUp()
    {
        if (_engine is null)
        {
            return;
        }

        var trees = _engine.ExecuteAllRulesAsync(_workflowName, new Re.RuleParameter("facts", new OrderFacts()), new Re.RuleParameter("scope", new EvaluationScope(_values)))
            .AsTask().GetAwaiter().GetResult();
        var broken = Leaves(trees).FirstOrDefault(t => !string.IsNullOrEmpty(t.ExceptionMessage));
        if (broken is not null)
        {
            throw new InvalidOperationException($"Rule template for {broken.Rule.RuleName} did not compile: {broken.ExceptionMessage}");
        }
    }

    private static RuleSetEvaluation Decide(List<RuleResult> results, string? approvedBy, List<string> warnings, DateTime now)
    {
        var matches = results.Where(r => r.Matched && r.Considered).ToList();
        var reasons = matches.Select(r => r.Reason!).ToList();

        // Rules matched before a matching AutoApprove still count; the ones after it were not considered.
        var verdict = RuleVerdict.Approve;
        DateTime? holdUntil = null;
        if (matches.Any(m => m.Action == RuleActionType.RouteToException))
        {
            verdict = RuleVerdict.RouteToException;
        }
        else if (matches.Any(m => m.Action == RuleActionType.Block))
        {
            verdict = RuleVerdict.Block;
        }
        else if (matches.Where(m => m.Action == RuleActionType.HoldUntil).Select(m => m.HoldUntil).Max() is { } latest && latest > now)
        {
            verdict = RuleVerdict.Hold;
            holdUntil = latest;
        }

        return new RuleSetEvaluation(verdict, reasons, holdUntil, approvedBy, results, warnings);
    }

    private static DateTime? HoldUntil(RuleAction action, OrderFacts facts) =>
        action.Until?.UtcDateTime ?? (action.HoldMinutes is { } minutes && facts.PayTime is { } paid ? paid.AddMinutes(minutes) : null);

    private static string ReasonOf(ReviewRule rule, DateTime? until)
    {
        var reason = rule.Action.Reason ?? rule.Action.Type switch
        {
            RuleActionType.HoldUntil => until is { } at ? $"hold until {at:yyyy-MM-dd HH:mm:ss}Z" : "hold (no payment time)",
            RuleActionType.AutoApprove => "auto-approved",
            _ => rule.Action.Type.ToString(),
        };
        return $"{rule.Name}: {reason}";
    }

    private void Collect(Re.RuleResultTree tree, OrderFacts facts, HashSet<int> timedOut, List<ConditionResult> into, List<string> warnings, ReviewRule rule)
    {
        foreach (var leaf in Leaves([tree]))
        {
            var condition = _conditions[leaf.Rule.RuleName];
            string? warning = null;
            if (timedOut.Contains(condition.Index))
            {
                warning = $"The regular expression timed out after {ValueReader.RegexTimeout.TotalMilliseconds} ms; counted as no match.";
            }
            else if (!string.IsNullOrEmpty(leaf.ExceptionMessage))
            {
                warning = leaf.ExceptionMessage;
            }

            if (warning is not null)
            {
                warnings.Add($"Rule '{rule.Id}' ({rule.Name}) {condition.Path}: {warning}");
            }

            into.Add(new ConditionResult(condition.Path, condition.Field.Name, condition.Operator, condition.Value, condition.Field.Read(facts), leaf.IsSuccess, warning));
        }
    }

    private static IEnumerable<Re.RuleResultTree> Leaves(IEnumerable<Re.RuleResultTree> trees) =>
        trees.SelectMany(t => t.ChildResults is { } children && children.Any() ? Leaves(children) : [t]);
}
