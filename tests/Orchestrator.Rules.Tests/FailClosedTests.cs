using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;
using Re = RulesEngine.Models;

namespace Orchestrator.Rules.Tests;

/// <summary>DESIGN.md §7: nothing that cannot be evaluated approves an order.</summary>
public class FailClosedTests
{
    // A back-reference needs the backtracking engine, so this pattern still runs away (and times out) on a long 'a…a!'.
    private const string RunawayPattern = @"^(a+)+\1$";

    private static readonly OrderFacts Runaway = new() { Payment = 2000, BuyerMessage = new string('a', 5000) + "!", PayTime = Now.AddMinutes(-10) };

    [Fact]
    public void A_block_rule_whose_regex_times_out_counts_as_matched_and_blocks_with_the_reason()
    {
        var evaluation = Evaluate(Runaway, Rule("spam", Condition.AllOf(Condition.Compare("buyerMessage", "regex", RunawayPattern)), reason: "可疑留言"));

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        var rule = Assert.Single(evaluation.Rules);
        Assert.True(rule.Matched);
        Assert.Contains("timed out", rule.Unevaluable, StringComparison.Ordinal);
        Assert.StartsWith("rule «规则spam» could not be evaluated: ", Assert.Single(evaluation.Reasons), StringComparison.Ordinal);
        Assert.Contains("timed out", Assert.Single(evaluation.Warnings), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(rule.Conditions).Warning);
    }

    [Theory]
    [InlineData(RuleActionType.RouteToException)]
    [InlineData(RuleActionType.HoldUntil)]
    public void Route_and_hold_rules_that_cannot_be_evaluated_stop_the_order_for_a_reviewer(RuleActionType action)
    {
        var evaluation = Evaluate(Runaway,
            Rule("r", Condition.AllOf(Condition.Compare("buyerMessage", "regex", RunawayPattern)), action, holdMinutes: action == RuleActionType.HoldUntil ? 60 : null));

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.True(Assert.Single(evaluation.Rules).Matched);
    }

    [Fact]
    public void An_auto_approve_that_cannot_be_evaluated_does_not_approve_and_the_order_waits_for_a_reviewer()
    {
        var evaluation = Evaluate(Runaway,
            Rule("vip", Condition.AllOf(Condition.Compare("buyerMessage", "regex", RunawayPattern)), RuleActionType.AutoApprove, priority: 1),
            Rule("later", Condition.AllOf(Condition.Compare("payment", "gt", 1_000_000)), priority: 2));

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.Null(evaluation.ApprovedByRuleId);
        Assert.False(evaluation.Rules[0].Matched);
        Assert.True(evaluation.Rules[1].Considered);
        Assert.Contains("could not be evaluated", Assert.Single(evaluation.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Known_conditions_still_decide_a_group_around_one_that_cannot_be_evaluated()
    {
        var unknown = Condition.Compare("buyerMessage", "regex", RunawayPattern);

        var allWithFalse = Evaluate(Runaway, Rule("a", Condition.AllOf(Condition.Compare("payment", "lt", 10), unknown)));
        Assert.Equal(RuleVerdict.Approve, allWithFalse.Verdict);
        Assert.Null(Assert.Single(allWithFalse.Rules).Unevaluable);

        var anyWithTrue = Evaluate(Runaway, Rule("b", Condition.AnyOf(Condition.Compare("payment", "gt", 10), unknown)));
        Assert.Equal(RuleVerdict.Block, anyWithTrue.Verdict);
        Assert.Equal(["规则b: 原因b"], anyWithTrue.Reasons);

        var allWithTrue = Evaluate(Runaway, Rule("c", Condition.AllOf(Condition.Compare("payment", "gt", 10), unknown)));
        Assert.NotNull(Assert.Single(allWithTrue.Rules).Unevaluable);
    }

    [Fact]
    public void A_nested_quantifier_no_longer_runs_away_and_twenty_of_them_answer_without_warnings()
    {
        var conditions = Enumerable.Range(0, 20).Select(_ => Condition.Compare("buyerMessage", "regex", "^(a+)+$")).ToArray();

        var evaluation = Evaluate(Runaway, Rule("nested", Condition.AnyOf(conditions)));

        Assert.Equal(RuleVerdict.Approve, evaluation.Verdict);
        Assert.Empty(evaluation.Warnings);
    }

    [Fact]
    public void A_message_that_once_made_the_normaliser_throw_is_read_and_the_rule_blocks()
    {
        var rule = Rule("big", Condition.AllOf(Condition.Compare("payment", "gt", 1000), Condition.Compare("buyerMessage", "notContains", "已核实")), reason: "大额未核实");
        var facts = new OrderFacts { Payment = 2000, BuyerMessage = "请尽快\uD800发货" };

        var evaluation = Evaluate(facts, rule);

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.Empty(evaluation.Warnings);
        Assert.Equal(RuleVerdict.Approve, Evaluate(facts with { BuyerMessage = "已\u200B核实" }, rule).Verdict);
    }

    [Fact]
    public void A_hold_without_a_payment_time_counts_from_the_receipt()
    {
        var cod = new OrderFacts { IsCod = true, PayTime = null, ReceivedAt = Now.AddMinutes(-10) };

        var evaluation = Evaluate(cod, Rule("cool", Condition.AllOf(Condition.Compare("isCod", "equals", true)), RuleActionType.HoldUntil, holdMinutes: 60));

        Assert.Equal(RuleVerdict.Hold, evaluation.Verdict);
        Assert.Equal(Now.AddMinutes(50), evaluation.HoldUntil);
    }

    [Fact]
    public void A_hold_whose_time_cannot_be_computed_blocks()
    {
        var evaluation = Evaluate(new OrderFacts { IsCod = true }, Rule("cool", Condition.AllOf(Condition.Compare("isCod", "equals", true)), RuleActionType.HoldUntil, holdMinutes: 60));

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.Contains("hold time cannot be computed", Assert.Single(evaluation.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_that_does_not_compile_is_named_with_its_rule()
    {
        var rule = Rule("broken", Condition.AllOf(Condition.Compare("payment", "gt", 1)));
        var workflow = new Re.Workflow
        {
            WorkflowName = "review",
            Rules =
            [
                new Re.Rule
                {
                    RuleName = "rules[0]",
                    Operator = "AndAlso",
                    Rules = [new Re.Rule { RuleName = "rules[0].when.all[0]", RuleExpressionType = Re.RuleExpressionType.LambdaExpression, Expression = "RuleOps.NoSuchOperator(facts.Payment, scope, 0)" }],
                },
            ],
        };
        var engine = new RulesEngine.RulesEngine([workflow], new Re.ReSettings { CustomTypes = [typeof(RuleOps), typeof(EvaluationScope), typeof(OrderFacts)] });
        var compiled = new CompiledRuleSet(engine, "review", [("rules[0]", rule)], [new ConditionValue()],
            new Dictionary<string, CompiledCondition> { ["rules[0].when.all[0]"] = new("rules[0].when.all[0]", RuleFields.Find("payment")!, "gt", null, 0) });

        var error = Assert.Single(Assert.Throws<RuleSetInvalidException>(compiled.WarmUp).Errors);

        Assert.Equal("broken", error.RuleId);
        Assert.Equal("rules[0].when.all[0]", error.Path);
    }

    [Fact]
    public void A_compile_that_fails_is_not_cached()
    {
        var cache = new RuleSetCache();
        var good = new RuleSet { Rules = [Rule("ok", Condition.AllOf(Condition.Compare("payment", "gt", 1)))] };

        Assert.ThrowsAny<Exception>(() => cache.GetOrCompile("Shop:1", 1, () => throw new InvalidOperationException("database was away")));

        Assert.Equal(1, cache.GetOrCompile("Shop:1", 1, () => good).RuleCount);
    }
}
