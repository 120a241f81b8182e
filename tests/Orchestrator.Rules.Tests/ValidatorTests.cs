using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class ValidatorTests
{
    private static readonly ReviewRule Good = Rule("ok", Condition.AllOf(Condition.Compare("payment", "gt", 100)));

    private static RuleError Single(params ReviewRule[] rules) => Assert.Single(RuleSetValidator.Validate(new RuleSet { Rules = rules }));

    [Fact]
    public void A_valid_set_has_no_errors() => Assert.Empty(RuleSetValidator.Validate(new RuleSet { Rules = [Good] }));

    [Fact]
    public void An_unknown_field_is_named_with_its_path_and_rule()
    {
        var error = Single(Good, Rule("bad", Condition.AllOf(Condition.Compare("payment", "gt", 1), Condition.Compare("price", "gt", 1))));

        Assert.Equal("rules[1].when.all[1].field", error.Path);
        Assert.Equal("bad", error.RuleId);
        Assert.Contains("规则bad", error.Describe(), StringComparison.Ordinal);
        Assert.Contains("price", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payment", "contains", "1")]
    [InlineData("isCod", "gt", "1")]
    [InlineData("merchantCodes", "startsWith", "A")]
    [InlineData("buyerMessage", "gt", "1")]
    [InlineData("buyerMessage", "like", "1")]
    public void An_operator_that_does_not_fit_the_field_type_is_refused(string field, string op, string value) =>
        Assert.Equal("rules[0].when.any[0].operator", Single(Rule("r", Condition.AnyOf(Condition.Compare(field, op, value)))).Path);

    [Theory]
    [InlineData("payment", "gt", "lots")]
    [InlineData("payment", "gt", "1.000,50")]
    [InlineData("payTime", "gt", "yesterday")]
    [InlineData("isCod", "equals", "yes")]
    [InlineData("buyerMessage", "regex", "([unclosed")]
    [InlineData("buyerMessage", "contains", null)]
    public void A_value_that_cannot_be_read_is_refused(string field, string op, string? value) =>
        Assert.Equal("rules[0].when.all[0].value", Single(Rule("r", Condition.AllOf(Condition.Compare(field, op, value)))).Path);

    [Fact]
    public void Between_needs_two_ordered_values_and_in_a_non_empty_list()
    {
        Assert.Equal("rules[0].when.all[0].value", Single(Rule("r", Condition.AllOf(Condition.Compare("payment", "between", new[] { 5, 1 })))).Path);
        Assert.Equal("rules[0].when.all[0].value", Single(Rule("r", Condition.AllOf(Condition.Compare("payment", "between", 5)))).Path);
        Assert.Equal("rules[0].when.all[0].value", Single(Rule("r", Condition.AllOf(Condition.Compare("shopCode", "in", Array.Empty<string>())))).Path);
    }

    [Fact]
    public void Nested_groups_report_the_full_path()
    {
        var rule = Rule("n", Condition.AllOf(Condition.AnyOf(Condition.Compare("payment", "gt", 1), Condition.AllOf(Condition.Compare("payTime", "lt", "x")))));

        Assert.Equal("rules[0].when.all[0].any[1].all[0].value", Single(rule).Path);
    }

    [Fact]
    public void Block_and_RouteToException_need_a_reason()
    {
        Assert.Equal("rules[0].action.reason", Single(Good with { Action = new RuleAction { Type = RuleActionType.Block } }).Path);
        Assert.Equal("rules[0].action.reason", Single(Good with { Action = new RuleAction { Type = RuleActionType.RouteToException, Reason = " " } }).Path);
        Assert.Empty(RuleSetValidator.Validate(new RuleSet { Rules = [Good with { Action = new RuleAction { Type = RuleActionType.AutoApprove } }] }));
    }

    [Fact]
    public void HoldUntil_needs_minutes_or_a_time()
    {
        Assert.Equal("rules[0].action.holdMinutes", Single(Good with { Action = new RuleAction { Type = RuleActionType.HoldUntil } }).Path);
        Assert.Equal("rules[0].action.holdMinutes", Single(Good with { Action = new RuleAction { Type = RuleActionType.HoldUntil, HoldMinutes = 0 } }).Path);
    }

    [Fact]
    public void Ids_are_required_and_unique_and_groups_are_not_empty()
    {
        Assert.Equal("rules[1].id", Single(Good, Good).Path);
        Assert.Equal("rules[0].id", Single(Good with { Id = "" }).Path);
        Assert.Equal("rules[0].when.all", Single(Good with { When = Condition.AllOf() }).Path);
        Assert.Equal("rules[0].when", Single(Good with { When = Condition.Compare("payment", "gt", 1) }).Path);
    }

    [Fact]
    public void Compiling_an_invalid_set_throws_with_the_errors()
    {
        var exception = Assert.Throws<RuleSetInvalidException>(() => RuleSetCompiler.Compile(new RuleSet { Rules = [Good with { Id = "" }] }));

        Assert.Equal("rules[0].id", Assert.Single(exception.Errors).Path);
    }
}
