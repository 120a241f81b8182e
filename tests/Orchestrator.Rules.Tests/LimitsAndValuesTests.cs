using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class LimitsAndValuesTests
{
    private static IReadOnlyList<RuleError> Validate(params ReviewRule[] rules) => RuleSetValidator.Validate(new RuleSet { Rules = rules });

    [Fact]
    public void A_missing_rule_is_an_error_not_a_crash() =>
        Assert.Equal("rules[0]", Assert.Single(RuleSetValidator.Validate(new RuleSet { Rules = [null!] })).Path);

    [Fact]
    public void A_set_has_at_most_500_rules()
    {
        var rules = Enumerable.Range(0, RuleSetValidator.MaxRules + 1).Select(i => Rule($"r{i}", Condition.AllOf(Condition.Compare("payment", "gt", i)))).ToArray();

        Assert.Equal("rules", Assert.Single(Validate(rules)).Path);
        Assert.Empty(Validate(rules[..RuleSetValidator.MaxRules]));
    }

    [Fact]
    public void A_rule_has_a_bounded_number_of_conditions_and_an_in_list_at_most_5000_values()
    {
        var many = Enumerable.Range(0, RuleSetValidator.MaxConditionsPerRule + 1).Select(i => Condition.Compare("payment", "gt", i)).ToArray();
        Assert.Equal("rules[0].when", Assert.Single(Validate(Rule("big", Condition.AnyOf(many)))).Path);

        var nicks = Enumerable.Range(0, RuleSetValidator.MaxListValues + 1).Select(i => $"nick{i}").ToArray();
        Assert.Equal("rules[0].when.all[0].value", Assert.Single(Validate(When("buyerNick", "in", nicks))).Path);
        Assert.Empty(Validate(When("buyerNick", "in", nicks[..RuleSetValidator.MaxListValues])));
    }

    [Fact]
    public void A_set_has_a_bounded_number_of_regexes()
    {
        var rules = Enumerable.Range(0, RuleSetValidator.MaxRegexes + 1)
            .Select(i => Rule($"r{i}", Condition.AllOf(Condition.Compare("buyerMessage", "regex", $"code{i}")))).ToArray();

        Assert.Contains("regex", Assert.Single(Validate(rules)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("12,34")]
    [InlineData("1,0000")]
    [InlineData("1.000,50")]
    public void A_decimal_comma_is_refused(string value) =>
        Assert.Equal("rules[0].when.all[0].value", Assert.Single(Validate(When("payment", "gt", value))).Path);

    [Theory]
    [InlineData("1000.5", 1000.5)]
    [InlineData("1,000.50", 1000.5)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("１０００", 1000)]
    public void Thousands_separators_and_full_width_digits_are_read(string value, double expected)
    {
        Assert.Empty(Validate(When("payment", "ge", value)));
        Assert.True(Matches(new OrderFacts { Payment = (decimal)expected }, "payment", "equals", value));
    }

    [Fact]
    public async Task A_date_time_without_an_offset_is_read_in_the_shops_time_zone()
    {
        // 2026-11-11 00:00 in Shanghai is 2026-11-10 16:00 UTC.
        var paidAtShanghaiMidnight = new OrderFacts { PayTime = new DateTime(2026, 11, 10, 16, 0, 30, DateTimeKind.Utc) };

        Assert.True(Matches(paidAtShanghaiMidnight, "payTime", "ge", "2026-11-11T00:00:00"));
        Assert.True(Matches(paidAtShanghaiMidnight, "payTime", "ge", "2026-11-11 00:00"));
        Assert.False(Matches(paidAtShanghaiMidnight, "payTime", "ge", "2026-11-11T00:00:00Z"));
        Assert.True(Matches(paidAtShanghaiMidnight, "payTime", "ge", "2026-11-11T00:00:00+08:00"));

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var set = new RuleSet { Rules = [When("payTime", "ge", "2026-11-11T00:00:00")] };
        var evaluation = await RuleSetCompiler.Compile(set, london).EvaluateAsync(paidAtShanghaiMidnight, Now);
        Assert.Empty(evaluation.Matches);
    }
}
