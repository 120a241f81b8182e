using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class LinterTests
{
    private static RuleSetLint Lint(params ReviewRule[] rules) => RuleSetLinter.Lint(new RuleSet { Rules = rules }, Now);

    private static RuleError Error(params ReviewRule[] rules) => Assert.Single(Lint(rules).Errors);

    [Theory]
    [InlineData("contains", "")]
    [InlineData("contains", "   ")]
    [InlineData("notContains", "\u3000")]
    [InlineData("startsWith", "")]
    [InlineData("endsWith", " ")]
    public void An_empty_or_white_space_text_value_is_refused(string op, string value) =>
        Assert.Equal("rules[0].when.all[0].value", Error(When("buyerMessage", op, value)).Path);

    [Theory]
    [InlineData(".*")]
    [InlineData("^.*$")]
    [InlineData("a*")]
    [InlineData("(?s).*")]
    public void A_regex_that_matches_everything_is_refused(string pattern) =>
        Assert.Contains("matches any text", Error(When("buyerMessage", "regex", pattern)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_regex_that_looks_for_something_passes() => Assert.Empty(Lint(When("buyerMessage", "regex", "发票|收据")).Errors);

    [Fact]
    public void Contradictory_ranges_on_one_field_are_refused_and_compatible_ones_pass()
    {
        var contradiction = Rule("x", Condition.AllOf(Condition.Compare("payment", "lt", 10), Condition.Compare("payment", "gt", 100)));
        Assert.Equal("rules[0].when.all", Error(contradiction).Path);

        var touching = Rule("y", Condition.AllOf(Condition.Compare("payment", "ge", 10), Condition.Compare("payment", "lt", 10)));
        Assert.Equal("rules[0].when.all", Error(touching).Path);

        var dates = Rule("z", Condition.AllOf(Condition.Compare("payTime", "between", new[] { "2026-11-11T00:00:00+08:00", "2026-11-12T00:00:00+08:00" }),
            Condition.Compare("payTime", "gt", "2026-12-01T00:00:00+08:00")));
        Assert.Equal("rules[0].when.all", Error(dates).Path);

        var band = Rule("w", Condition.AllOf(Condition.Compare("payment", "ge", 10), Condition.Compare("payment", "le", 10), Condition.Compare("discount", "lt", 5)));
        Assert.Empty(Lint(band).Errors);

        var either = Rule("v", Condition.AnyOf(Condition.Compare("payment", "lt", 10), Condition.Compare("payment", "gt", 100)));
        Assert.Empty(Lint(either).Errors);
    }

    [Fact]
    public void Rules_behind_an_auto_approve_that_always_matches_are_warned_of_not_refused()
    {
        var lint = Lint(
            Rule("all", Condition.AllOf(Condition.Compare("payment", "ge", 0)), RuleActionType.AutoApprove, priority: 1),
            Rule("dead", Condition.AllOf(Condition.Compare("payment", "gt", 1000)), priority: 2),
            Rule("before", Condition.AllOf(Condition.Compare("payment", "gt", 5000)), priority: 0));

        Assert.Empty(lint.Errors);
        var warning = Assert.Single(lint.Warnings);
        Assert.Equal("rules[1]", warning.Path);
        Assert.Equal("dead", warning.RuleId);
        Assert.Contains("«规则all»", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_hold_time_in_the_past_is_refused()
    {
        var past = Rule("h", Condition.AllOf(Condition.Compare("payment", "gt", 1)), RuleActionType.HoldUntil, until: new DateTimeOffset(Now.AddHours(-1)));
        Assert.Equal("rules[0].action.until", Error(past).Path);

        var ahead = Rule("h", Condition.AllOf(Condition.Compare("payment", "gt", 1)), RuleActionType.HoldUntil, until: new DateTimeOffset(Now.AddHours(1)));
        Assert.Empty(Lint(ahead).Errors);
    }
}
