namespace Orchestrator.Rules;

/// <summary>Checks a rule set before it is stored or compiled; every error names its JSON path and rule.</summary>
public static class RuleSetValidator
{
    public const int MaxDepth = 5;

    /// <summary>Ids appear in version notes ("update {id}", a 200-character column) and URLs.</summary>
    public const int MaxIdLength = 64;

    public const int MaxNameLength = 200;

    public const int MaxRules = 500;

    public const int MaxConditionsPerRule = 100;

    public const int MaxListValues = 5_000;

    /// <summary>Regexes are the one operator whose cost depends on the pattern; a set keeps few of them.</summary>
    public const int MaxRegexes = 20;

    public static IReadOnlyList<RuleError> Validate(RuleSet set)
    {
        var errors = new List<RuleError>();
        if (set.Rules is null)
        {
            return [new RuleError("rules", null, null, "rules is required: give a list of rules.")];
        }

        if (set.Rules.Count > MaxRules)
        {
            errors.Add(new RuleError("rules", null, null, $"A rule set has at most {MaxRules} rules; this one has {set.Rules.Count}."));
        }

        var comparisons = set.Rules.Where(r => r is not null).Select(r => Comparisons(r.When).ToList()).ToList();
        var regexes = comparisons.SelectMany(c => c).Count(c => c.Operator == RuleOperators.Regex);
        if (regexes > MaxRegexes)
        {
            errors.Add(new RuleError("rules", null, null, $"A rule set has at most {MaxRegexes} regex conditions; this one has {regexes}. Use contains or in where you can."));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Rules.Count; i++)
        {
            var rule = set.Rules[i];
            var path = $"rules[{i}]";
            if (rule is null)
            {
                errors.Add(new RuleError(path, null, null, "A rule is missing (null)."));
                continue;
            }

            void Add(string at, string message) => errors.Add(new RuleError(at, rule.Id, rule.Name, message));
            if (Comparisons(rule.When).Count() > MaxConditionsPerRule)
            {
                Add($"{path}.when", $"A rule has at most {MaxConditionsPerRule} conditions.");
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                Add($"{path}.id", "id is required.");
            }
            else if (rule.Id.Length > MaxIdLength)
            {
                Add($"{path}.id", $"id has at most {MaxIdLength} characters.");
            }
            else if (!ids.Add(rule.Id))
            {
                Add($"{path}.id", $"Another rule already has id '{rule.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                Add($"{path}.name", "name is required.");
            }
            else if (rule.Name.Length > MaxNameLength)
            {
                Add($"{path}.name", $"name has at most {MaxNameLength} characters.");
            }

            ValidateGroup(rule.When, $"{path}.when", 1, Add);
            ValidateAction(rule.Action, $"{path}.action", Add);
        }

        return errors;
    }

    /// <summary>Every comparison under a group, however deep (nulls and malformed groups skipped).</summary>
    internal static IEnumerable<Condition> Comparisons(Condition? group) =>
        group is null ? [] : (group.All ?? group.Any ?? []).Where(c => c is not null).SelectMany(c => c.IsGroup ? Comparisons(c) : [c]);

    private static void ValidateGroup(Condition? group, string path, int depth, Action<string, string> add)
    {
        if (group is null || !group.IsGroup)
        {
            add(path, "Give a group: { \"all\": [...] } or { \"any\": [...] }.");
            return;
        }

        if (group.All is not null && group.Any is not null)
        {
            add(path, "A group has either all or any, not both.");
            return;
        }

        if (depth > MaxDepth)
        {
            add(path, $"Groups nest at most {MaxDepth} deep.");
            return;
        }

        var (name, items) = group.All is not null ? ("all", group.All) : ("any", group.Any!);
        if (items.Count == 0)
        {
            add($"{path}.{name}", "The group is empty: add at least one condition.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{path}.{name}[{i}]";
            if (item is null)
            {
                add(at, "A condition is missing.");
            }
            else if (item.IsGroup)
            {
                ValidateGroup(item, at, depth + 1, add);
            }
            else
            {
                ValidateComparison(item, at, add);
            }
        }
    }

    private static void ValidateComparison(Condition condition, string path, Action<string, string> add)
    {
        var field = RuleFields.Find(condition.Field);
        if (field is null)
        {
            add($"{path}.field", $"Unknown field '{condition.Field}'. Known: {string.Join(", ", RuleFields.All.Select(f => f.Name))}.");
            return;
        }

        if (!RuleFields.Accepts(field.Type, condition.Operator))
        {
            add($"{path}.operator",
                $"Operator '{condition.Operator}' does not apply to {field.Type} field '{field.Name}'. Use one of: {string.Join(", ", RuleFields.Operators[field.Type])}.");
            return;
        }

        ValueReader.Read(field.Type, condition.Operator!, condition.Value, out var error);
        if (error is not null)
        {
            add($"{path}.value", error);
        }
        else if (condition.Operator is RuleOperators.In or RuleOperators.NotIn && condition.Value is { ValueKind: System.Text.Json.JsonValueKind.Array } list
            && list.GetArrayLength() > MaxListValues)
        {
            add($"{path}.value", $"An in list has at most {MaxListValues} values; this one has {list.GetArrayLength()}.");
        }
    }

    private static void ValidateAction(RuleAction? action, string path, Action<string, string> add)
    {
        if (action is null)
        {
            add(path, "action is required.");
            return;
        }

        if (!Enum.IsDefined(action.Type))
        {
            add($"{path}.type", "type must be Block, HoldUntil, RouteToException or AutoApprove.");
        }

        if (action.Type is RuleActionType.Block or RuleActionType.RouteToException && string.IsNullOrWhiteSpace(action.Reason))
        {
            add($"{path}.reason", $"A {action.Type} rule needs a reason: reviewers see it on the order.");
        }

        if (action.Reason is { Length: > 500 })
        {
            add($"{path}.reason", "reason is at most 500 characters.");
        }

        if (action.Type == RuleActionType.HoldUntil)
        {
            if ((action.HoldMinutes is null) == (action.Until is null))
            {
                add($"{path}.holdMinutes", "A HoldUntil rule takes either holdMinutes (after payment) or until, one of them.");
            }
            else if (action.HoldMinutes is { } minutes && minutes is <= 0 or > 60 * 24 * 30)
            {
                add($"{path}.holdMinutes", "holdMinutes must be between 1 and 43200 (30 days).");
            }
        }
    }
}
