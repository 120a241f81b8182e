using System.Diagnostics;
using System.Globalization;
using Re = RulesEngine.Models;

namespace Orchestrator.Rules;

/// <summary>
/// Turns a validated rule set into a RulesEngine workflow. Each group becomes a nested And/Or rule and each comparison
/// a lambda rule whose text is built only from a whitelisted property and an operator template,
/// <c>RuleOps.TextContains(facts.BuyerMessage, scope, 3)</c>; the expected value is condition 3 in the scope.
/// </summary>
public static class RuleSetCompiler
{
    private const string WorkflowName = "review";

    private static readonly Re.ReSettings Settings = NewSettings(fastExpressionCompiler: true);

    private static readonly Re.ReSettings SystemCompilerSettings = NewSettings(fastExpressionCompiler: false);

    /// <summary>
    /// Validates and compiles <paramref name="set"/>; date-times written without an offset are read in <paramref name="zone"/>
    /// (the shop's, Asia/Shanghai by default). Throws <see cref="RuleSetInvalidException"/> naming the rule when it does not
    /// validate or a condition does not compile. <paramref name="fastExpressionCompiler"/> off is for the benchmark's comparison.
    /// </summary>
    public static CompiledRuleSet Compile(RuleSet set, TimeZoneInfo? zone = null, bool fastExpressionCompiler = true)
    {
        var errors = RuleSetValidator.Validate(set);
        if (errors.Count > 0)
        {
            throw new RuleSetInvalidException(errors);
        }

        var stopwatch = Stopwatch.StartNew();
        var values = new List<ConditionValue>();
        var leaves = new Dictionary<string, CompiledCondition>(StringComparer.Ordinal);
        var rules = set.Rules
            .Select((rule, index) => (Rule: rule, Path: $"rules[{index}]", Index: index))
            .Where(r => r.Rule.Enabled)
            .OrderBy(r => r.Rule.Priority).ThenBy(r => r.Index)
            .ToList();
        var workflow = new Re.Workflow
        {
            WorkflowName = WorkflowName,
            Rules = rules.Select(r => Group(r.Rule.When, r.Path, $"{r.Path}.when", zone ?? ValueReader.DefaultTimeZone, values, leaves)).ToList(),
        };
        var engine = rules.Count == 0 ? null : new RulesEngine.RulesEngine([workflow], fastExpressionCompiler ? Settings : SystemCompilerSettings);
        var compiled = new CompiledRuleSet(engine, WorkflowName, rules.Select(r => (r.Path, r.Rule)).ToList(), values, leaves);
        compiled.WarmUp();
        compiled.CompileTime = stopwatch.Elapsed;
        return compiled;
    }

    private static Re.ReSettings NewSettings(bool fastExpressionCompiler) => new()
    {
        CustomTypes = [typeof(RuleOps), typeof(EvaluationScope), typeof(OrderFacts), typeof(ConditionValue)],
        NestedRuleExecutionMode = Re.NestedRuleExecutionMode.All,
        UseFastExpressionCompiler = fastExpressionCompiler,
    };

    private static Re.Rule Group(
        Condition group, string name, string path, TimeZoneInfo zone, List<ConditionValue> values, Dictionary<string, CompiledCondition> leaves)
    {
        var (key, items) = group.All is not null ? ("all", group.All) : ("any", group.Any!);
        return new Re.Rule
        {
            RuleName = name,
            Operator = key == "all" ? "AndAlso" : "OrElse",
            Rules = items.Select((item, i) => item.IsGroup
                ? Group(item, $"{path}.{key}[{i}]", $"{path}.{key}[{i}]", zone, values, leaves)
                : Leaf(item, $"{path}.{key}[{i}]", zone, values, leaves)).ToList(),
        };
    }

    private static Re.Rule Leaf(Condition condition, string path, TimeZoneInfo zone, List<ConditionValue> values, Dictionary<string, CompiledCondition> leaves)
    {
        var field = RuleFields.Find(condition.Field)!;
        var index = values.Count;
        var value = ValueReader.Read(field.Type, condition.Operator!, condition.Value, zone, out _);
        var standard = field.Standardize is not null && condition.Operator is RuleOperators.EqualsOp or RuleOperators.NotEquals or RuleOperators.In or RuleOperators.NotIn;
        values.Add(standard ? Standardized(value, field.Standardize!) : value);
        leaves[path] = new CompiledCondition(path, field, condition.Operator!, condition.Value, index);
        var method = RuleOps.MethodFor(field.Type, condition.Operator!);
        var property = standard ? field.StandardProperty : field.Property;
        return new Re.Rule
        {
            RuleName = path,
            RuleExpressionType = Re.RuleExpressionType.LambdaExpression,
            Expression = string.Create(CultureInfo.InvariantCulture, $"{nameof(RuleOps)}.{method}(facts.{property}, scope, {index})"),
        };
    }

    // 新疆 in a rule and 新疆维吾尔自治区 from the platform are the same province: both sides are compared spelled in full.
    private static ConditionValue Standardized(ConditionValue value, Func<string?, string?> standardize) => new()
    {
        Text = TextNormalizer.Normalize(standardize(value.Text)),
        Texts = value.Texts.Select(t => TextNormalizer.Normalize(standardize(t))).ToHashSet(StringComparer.Ordinal),
    };
}
