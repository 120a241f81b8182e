using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class DecisionTests
{
    private static readonly OrderFacts Order = new()
    {
        Payment = 2000,
        BuyerMessage = "请开发票",
        ReceiverProvince = "西藏自治区",
        PayTime = Now.AddMinutes(-10),
    };

    private static Condition Always => Condition.AllOf(Condition.Compare("payment", "gt", 0));

    private static Condition Never => Condition.AllOf(Condition.Compare("payment", "lt", 0));

    [Fact]
    public void No_matching_rule_approves()
    {
        var evaluation = Evaluate(Order, Rule("a", Never));

        Assert.Equal(RuleVerdict.Approve, evaluation.Verdict);
        Assert.Empty(evaluation.Reasons);
    }

    [Fact]
    public void Block_collects_the_reason_of_every_matching_block_rule_prefixed_with_the_rule_name()
    {
        var evaluation = Evaluate(Order,
            Rule("invoice", Condition.AllOf(Condition.Compare("buyerMessage", "contains", "发票")), reason: "需要开票", priority: 2),
            Rule("remote", Condition.AllOf(Condition.Compare("receiverProvince", "in", new[] { "西藏自治区" })), reason: "偏远地区", priority: 1),
            Rule("never", Never, reason: "不会"));

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.Equal(["规则remote: 偏远地区", "规则invoice: 需要开票"], evaluation.Reasons);
    }

    [Fact]
    public void RouteToException_beats_Block_which_beats_HoldUntil()
    {
        var hold = Rule("hold", Always, RuleActionType.HoldUntil, holdMinutes: 60);
        var block = Rule("block", Always);
        var exception = Rule("exception", Always, RuleActionType.RouteToException);

        Assert.Equal(RuleVerdict.RouteToException, Evaluate(Order, hold, block, exception).Verdict);
        Assert.Equal(RuleVerdict.Block, Evaluate(Order, hold, block).Verdict);
        Assert.Equal(RuleVerdict.Hold, Evaluate(Order, hold).Verdict);
    }

    [Fact]
    public void HoldUntil_takes_the_latest_time_still_ahead_and_approves_once_it_has_passed()
    {
        var evaluation = Evaluate(Order,
            Rule("short", Always, RuleActionType.HoldUntil, holdMinutes: 30),
            Rule("fixed", Always, RuleActionType.HoldUntil, until: new DateTimeOffset(Now.AddHours(2))));

        Assert.Equal(RuleVerdict.Hold, evaluation.Verdict);
        Assert.Equal(Now.AddHours(2), evaluation.HoldUntil);

        var past = Evaluate(Order, Rule("past", Always, RuleActionType.HoldUntil, holdMinutes: 5));
        Assert.Equal(RuleVerdict.Approve, past.Verdict);
        Assert.Single(past.Matches);
    }

    [Fact]
    public void A_matching_AutoApprove_ignores_the_rules_after_it_but_not_those_before()
    {
        var approve = Rule("vip", Always, RuleActionType.AutoApprove, priority: 5);
        var later = Rule("later", Always, priority: 10);
        var earlier = Rule("earlier", Always, priority: 1);

        var approved = Evaluate(Order, later, approve);
        Assert.Equal(RuleVerdict.Approve, approved.Verdict);
        Assert.Equal("vip", approved.ApprovedByRuleId);
        Assert.False(approved.Rules.Single(r => r.RuleId == "later").Considered);
        Assert.True(approved.Rules.Single(r => r.RuleId == "later").Matched);

        Assert.Equal(RuleVerdict.Block, Evaluate(Order, later, approve, earlier).Verdict);
    }

    [Fact]
    public void Disabled_rules_and_a_non_matching_AutoApprove_change_nothing()
    {
        Assert.Equal(RuleVerdict.Approve, Evaluate(Order, Rule("off", Always, enabled: false)).Verdict);
        Assert.Equal(RuleVerdict.Block, Evaluate(Order, Rule("vip", Never, RuleActionType.AutoApprove), Rule("b", Always, priority: 1)).Verdict);
    }

    [Fact]
    public void Equal_priorities_keep_the_order_of_the_list()
    {
        var evaluation = Evaluate(Order, Rule("x", Always, reason: "第一"), Rule("y", Always, reason: "第二"));

        Assert.Equal(["x", "y"], evaluation.Rules.Select(r => r.RuleId));
    }

    [Fact]
    public async Task The_cache_compiles_a_version_once_and_drops_older_versions()
    {
        var cache = new RuleSetCache();
        var loads = 0;
        RuleSet Load()
        {
            loads++;
            return new RuleSet { Rules = [Rule("a", Always)] };
        }

        var first = cache.GetOrCompile("shop:1", 1, Load);
        Assert.Same(first, cache.GetOrCompile("shop:1", 1, Load));
        cache.GetOrCompile("shop:1", 2, Load);

        Assert.Equal(2, loads);
        Assert.False(cache.Contains("shop:1", 1));
        Assert.Equal(RuleVerdict.Block, (await first.EvaluateAsync(Order, Now)).Verdict);
    }

    [Fact]
    public async Task A_rule_set_round_trips_through_json()
    {
        var set = new RuleSet { Rules = [Rule("a", Condition.AllOf(Condition.Compare("buyerMessage", "contains", "发票")), reason: "开票")] };

        var json = RuleJson.Serialize(set);
        var back = RuleJson.Deserialize(json);

        Assert.Contains("\"type\":\"Block\"", json, StringComparison.Ordinal);
        Assert.Contains("发票", json, StringComparison.Ordinal);
        Assert.Equal(RuleVerdict.Block, (await RuleSetCompiler.Compile(back).EvaluateAsync(Order, Now)).Verdict);
    }
}
