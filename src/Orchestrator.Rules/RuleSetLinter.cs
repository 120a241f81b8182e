using System.Text.RegularExpressions;

namespace Orchestrator.Rules;

/// <summary>
/// Checks made when a rule set is published, on top of <see cref="RuleSetValidator"/>: conditions that match every order
/// by mistake (an empty contains, a regex that matches anything), ranges no order can fall in, a fixed hold time already
/// past (refused), and rules that can never run behind an AutoApprove that always matches (a warning). Versions already
/// published are not linted again, so a hold that has since passed still compiles.
/// </summary>
public static class RuleSetLinter
{
    private static readonly string[] Probes = ["", "x", "退款", "0", "Hello World 123"];

    public static RuleSetLint Lint(RuleSet set, DateTime now)
    {
        var errors = new List<RuleError>();
        var warnings = new List<RuleError>();
        var rules = (set.Rules ?? []).Select((rule, index) => (Rule: rule, Path: $"rules[{index}]", Index: index)).Where(r => r.Rule is not null).ToList();
        foreach (var (rule, path, _) in rules)
        {
            void Error(string at, string message) => errors.Add(new RuleError(at, rule.Id, rule.Name, message));
            LintGroup(rule.When, $"{path}.when", Error);
            if (rule.Action is { Type: RuleActionType.HoldUntil, Until: { } until } && until.UtcDateTime <= now)
            {
                Error($"{path}.action.until", $"until {until:yyyy-MM-dd HH:mm:sszzz} is already past: the hold would approve every order at once.");
            }
        }

        var alwaysApproves = rules.Where(r => r.Rule.Enabled).OrderBy(r => r.Rule.Priority).ThenBy(r => r.Index).ToList();
        var first = alwaysApproves.FindIndex(r => r.Rule.Action?.Type == RuleActionType.AutoApprove && AlwaysHolds(r.Rule.When));
        if (first >= 0)
        {
            var approver = alwaysApproves[first].Rule;
            foreach (var (rule, path, _) in alwaysApproves.Skip(first + 1))
            {
                warnings.Add(new RuleError(path, rule.Id, rule.Name,
                    $"This rule never runs: the AutoApprove rule «{approver.Name}» before it matches every order."));
            }
        }

        return new RuleSetLint(errors, warnings);
    }

    private static void LintGroup(Condition? group, string path, Action<string, string> error)
    {
        if (group is null || !group.IsGroup || (group.All is not null && group.Any is not null))
        {
            return;
        }

        var (name, items) = group.All is not null ? ("all", group.All) : ("any", group.Any!);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}.{name}[{i}]";
            if (items[i] is not { } item)
            {
                continue;
            }

            if (item.IsGroup)
            {
                LintGroup(item, at, error);
            }
            else if (MatchesEverything(item) is { } why)
            {
                error($"{at}.value", why);
            }
        }

        if (name == "all" && Contradiction(items) is { } contradiction)
        {
            error($"{path}.all", contradiction);
        }
    }

    private static string? MatchesEverything(Condition condition)
    {
        if (RuleFields.Find(condition.Field) is not { } field || !RuleFields.Accepts(field.Type, condition.Operator))
        {
            return null;
        }

        var value = ValueReader.Read(field.Type, condition.Operator!, condition.Value, out var error);
        if (error is not null)
        {
            return null;
        }

        return condition.Operator switch
        {
            RuleOperators.Contains or RuleOperators.NotContains or RuleOperators.StartsWith or RuleOperators.EndsWith when value.Text.Length == 0 =>
                $"The value is empty or only white space, so {condition.Operator} does not look at the text at all. Give the text to look for.",
            RuleOperators.Regex when value.Pattern is { } pattern && MatchesAll(pattern) =>
                "The regular expression matches any text, so it holds for every order. Anchor it or give the text to look for.",
            _ => null,
        };
    }

    private static bool MatchesAll(Regex pattern)
    {
        try
        {
            return Probes.All(pattern.IsMatch);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Comparisons of one number or date field in an all group whose ranges do not meet (payment &lt; 10 and payment &gt; 100).</summary>
    private static string? Contradiction(IReadOnlyList<Condition> items)
    {
        var ranges = new Dictionary<string, Range>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is null || item.IsGroup || RuleFields.Find(item.Field) is not { Type: FieldType.Number or FieldType.DateTime } field
                || !RuleFields.Accepts(field.Type, item.Operator) || RangeOf(field.Type, item) is not { } range)
            {
                continue;
            }

            var joined = ranges.TryGetValue(field.Name, out var before) ? before.Intersect(range) : range;
            if (joined.IsEmpty)
            {
                return $"No order can meet these conditions on {field.Name} together (e.g. less than 10 and more than 100): the rule would never match.";
            }

            ranges[field.Name] = joined;
        }

        return null;
    }

    private static Range? RangeOf(FieldType type, Condition condition)
    {
        var value = ValueReader.Read(type, condition.Operator!, condition.Value, out var error);
        if (error is not null)
        {
            return null;
        }

        var point = type == FieldType.DateTime ? value.Date.Ticks : value.Number;
        return condition.Operator switch
        {
            RuleOperators.Gt => new Range(point, false, null, false),
            RuleOperators.Ge => new Range(point, true, null, false),
            RuleOperators.Lt => new Range(null, false, point, false),
            RuleOperators.Le => new Range(null, false, point, true),
            RuleOperators.EqualsOp => new Range(point, true, point, true),
            RuleOperators.Between when type == FieldType.DateTime => new Range(value.DateLow.Ticks, true, value.DateHigh.Ticks, true),
            RuleOperators.Between => new Range(value.Low, true, value.High, true),
            _ => null,
        };
    }

    /// <summary>Whether a group holds for every order: used to find rules an AutoApprove leaves unreachable.</summary>
    private static bool AlwaysHolds(Condition? group)
    {
        if (group is null || !group.IsGroup)
        {
            return false;
        }

        return group.All is not null
            ? group.All.Count > 0 && group.All.All(c => c is not null && (c.IsGroup ? AlwaysHolds(c) : AlwaysHoldsLeaf(c)))
            : group.Any!.Any(c => c is not null && (c.IsGroup ? AlwaysHolds(c) : AlwaysHoldsLeaf(c)));
    }

    // Every number field is a count or an amount, never negative, so "payment >= 0" holds for every order.
    private static bool AlwaysHoldsLeaf(Condition condition)
    {
        if (RuleFields.Find(condition.Field)?.Type == FieldType.Text && condition.Operator != RuleOperators.NotContains && MatchesEverything(condition) is not null)
        {
            return true;
        }

        if (RuleFields.Find(condition.Field) is not { Type: FieldType.Number } field || !RuleFields.Accepts(field.Type, condition.Operator))
        {
            return false;
        }

        var value = ValueReader.Read(field.Type, condition.Operator!, condition.Value, out var error);
        return error is null && condition.Operator switch
        {
            RuleOperators.Ge => value.Number <= 0,
            RuleOperators.Gt => value.Number < 0,
            RuleOperators.NotEquals => value.Number < 0,
            _ => false,
        };
    }

    private readonly record struct Range(decimal? Low, bool LowIncluded, decimal? High, bool HighIncluded)
    {
        public bool IsEmpty => Low is { } low && High is { } high && (low > high || (low == high && !(LowIncluded && HighIncluded)));

        public Range Intersect(Range other)
        {
            var (low, lowIn) = Low is null ? (other.Low, other.LowIncluded)
                : other.Low is null || Low > other.Low ? (Low, LowIncluded)
                : Low < other.Low ? (other.Low, other.LowIncluded) : (Low, LowIncluded && other.LowIncluded);
            var (high, highIn) = High is null ? (other.High, other.HighIncluded)
                : other.High is null || High < other.High ? (High, HighIncluded)
                : High > other.High ? (other.High, other.HighIncluded) : (High, HighIncluded && other.HighIncluded);
            return new Range(low, lowIn, high, highIn);
        }
    }
}
