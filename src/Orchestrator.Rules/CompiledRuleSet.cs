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
        FieldsUsed = conditions.Values.Select(c => c.Field.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The names of the fields its conditions read (see <see cref="RuleFields"/>), so a caller can skip the costly facts no rule reads.</summary>
    public IReadOnlySet<string> FieldsUsed { get; }

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
        Dictionary<string, Re.RuleResultTree> trees;
        try
        {
            trees = (await _engine.ExecuteAllRulesAsync(_workflowName, new Re.RuleParameter("facts", facts), new Re.RuleParameter("scope", scope)))
                .ToDictionary(t => t.Rule.RuleName, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Unevaluated(e.Message);
        }

        var timedOut = scope.TimedOut.ToHashSet();
        var warnings = new List<string>();
        var results = new List<RuleResult>(_rules.Count);
        string? approvedBy = null;
        foreach (var (path, rule) in _rules)
        {
            var conditions = new List<ConditionResult>();
            var problems = new List<string>();
            var outcome = Outcome(trees[path], facts, timedOut, conditions, problems);
            var considered = approvedBy is null;
            var unevaluable = outcome is null ? string.Join("; ", problems.Distinct()) : null;

            // Fail closed: a rule that could not be evaluated counts as matched when it stops orders, never when it approves them.
            var matched = outcome ?? rule.Action.Type != RuleActionType.AutoApprove;
            if (matched && considered && rule.Action.Type == RuleActionType.AutoApprove)
            {
                approvedBy = rule.Id;
            }

            var until = rule.Action.Type == RuleActionType.HoldUntil ? HoldUntil(rule.Action, facts) : null;
            if (matched && rule.Action.Type == RuleActionType.HoldUntil && until is null)
            {
                unevaluable ??= "the hold time cannot be computed: the order has neither a payment nor a receipt time";
            }

            if (unevaluable is not null && considered)
            {
                warnings.Add($"Rule '{rule.Id}' ({rule.Name}): {unevaluable}");
            }

            results.Add(new RuleResult(
                rule.Id, rule.Name, rule.Priority, rule.Action.Type, matched, considered, ReasonOf(rule, until, unevaluable), until, conditions, unevaluable));
        }

        return Decide(results, approvedBy, warnings, now);
    }

    /// <summary>RulesEngine compiles on first use: run once on empty facts so a rule that does not compile fails here, by name.</summary>
    internal void WarmUp()
    {
        if (_engine is null)
        {
            return;
        }

        var trees = _engine.ExecuteAllRulesAsync(_workflowName, new Re.RuleParameter("facts", new OrderFacts()), new Re.RuleParameter("scope", new EvaluationScope(_values)))
            .AsTask().GetAwaiter().GetResult();
        var broken = Leaves(trees).Where(t => !string.IsNullOrEmpty(t.ExceptionMessage))
            .Select(t => (Leaf: t, Rule: _rules.FirstOrDefault(r => t.Rule.RuleName == r.Path || t.Rule.RuleName.StartsWith(r.Path + ".", StringComparison.Ordinal))))
            .Select(b => new RuleError(b.Leaf.Rule.RuleName, b.Rule.Rule?.Id, b.Rule.Rule?.Name, $"The condition does not compile: {b.Leaf.ExceptionMessage}"))
            .ToList();
        if (broken.Count > 0)
        {
            throw new RuleSetInvalidException(broken);
        }
    }

    private static RuleSetEvaluation Decide(List<RuleResult> results, string? approvedBy, List<string> warnings, DateTime now)
    {
        var counted = results.Where(r => r.Considered && (r.Matched || r.Unevaluable is not null)).ToList();
        var clean = counted.Where(r => r.Matched && r.Unevaluable is null).ToList();
        var reasons = counted.Select(r => r.Reason!).ToList();

        // Rules matched before a matching AutoApprove still count; the ones after it were not considered. A rule that could
        // not be evaluated stops the order for a reviewer unless a cleanly matched RouteToException sets it aside anyway.
        var verdict = RuleVerdict.Approve;
        DateTime? holdUntil = null;
        if (clean.Any(m => m.Action == RuleActionType.RouteToException))
        {
            verdict = RuleVerdict.RouteToException;
        }
        else if (clean.Any(m => m.Action == RuleActionType.Block) || counted.Any(m => m.Unevaluable is not null))
        {
            verdict = RuleVerdict.Block;
        }
        else if (clean.Where(m => m.Action == RuleActionType.HoldUntil).Select(m => m.HoldUntil).Max() is { } latest && latest > now)
        {
            verdict = RuleVerdict.Hold;
            holdUntil = latest;
        }

        return new RuleSetEvaluation(verdict, reasons, holdUntil, approvedBy, results, warnings);
    }

    private static RuleSetEvaluation Unevaluated(string problem)
    {
        var reason = $"The rule set could not be evaluated: {problem}";
        return new RuleSetEvaluation(RuleVerdict.Block, [reason], null, null, [], [reason]);
    }

    // Holds count from the payment, or from the receipt when there is none (cash on delivery).
    private static DateTime? HoldUntil(RuleAction action, OrderFacts facts) =>
        action.Until?.UtcDateTime ?? (action.HoldMinutes is { } minutes && (facts.PayTime ?? facts.ReceivedAt) is { } from ? from.AddMinutes(minutes) : null);

    private static string ReasonOf(ReviewRule rule, DateTime? until, string? unevaluable)
    {
        if (unevaluable is not null)
        {
            return $"rule «{rule.Name}» could not be evaluated: {unevaluable}";
        }

        var reason = rule.Action.Reason ?? rule.Action.Type switch
        {
            RuleActionType.HoldUntil => $"hold until {until:yyyy-MM-dd HH:mm:ss}Z",
            RuleActionType.AutoApprove => "auto-approved",
            _ => rule.Action.Type.ToString(),
        };
        return $"{rule.Name}: {reason}";
    }

    /// <summary>
    /// True or false, or null when it cannot be told: a condition that threw or timed out is unknown, and a group is
    /// unknown unless its known conditions decide it (one false in an all, one true in an any).
    /// </summary>
    private bool? Outcome(Re.RuleResultTree tree, OrderFacts facts, HashSet<int> timedOut, List<ConditionResult> into, List<string> problems)
    {
        if (tree.ChildResults is { } children && children.Any())
        {
            var outcomes = children.Select(c => Outcome(c, facts, timedOut, into, problems)).ToList();
            var any = tree.Rule.Operator == "OrElse";
            if (outcomes.Contains(any))
            {
                return any;
            }

            return outcomes.Contains(null) ? null : !any;
        }

        var condition = _conditions[tree.Rule.RuleName];
        string? warning = null;
        if (timedOut.Contains(condition.Index))
        {
            warning = $"the regular expression timed out after {ValueReader.RegexTimeout.TotalMilliseconds} ms";
        }
        else if (!string.IsNullOrEmpty(tree.ExceptionMessage))
        {
            warning = tree.ExceptionMessage;
        }

        if (warning is not null)
        {
            problems.Add($"{condition.Path}: {warning}");
        }

        into.Add(new ConditionResult(condition.Path, condition.Field.Name, condition.Operator, condition.Value, condition.Field.Read(facts), tree.IsSuccess, warning));
        return warning is null ? tree.IsSuccess : null;
    }

    private static IEnumerable<Re.RuleResultTree> Leaves(IEnumerable<Re.RuleResultTree> trees) =>
        trees.SelectMany(t => t.ChildResults is { } children && children.Any() ? Leaves(children) : [t]);
}
