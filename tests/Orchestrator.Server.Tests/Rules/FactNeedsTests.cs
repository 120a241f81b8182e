using Orchestrator.Lifecycle.Review;
using Orchestrator.Rules;

namespace Orchestrator.Server.Tests.Rules;

/// <summary>Review computes a costly fact (a query each) only when some rule of the order's two sets reads it.</summary>
public sealed class FactNeedsTests
{
    private static CompiledRuleSet Set(string json) => RuleSetCompiler.Compile(RuleJson.Deserialize(json));

    private static string OneRule(string when) =>
        $$"""{ "rules": [ { "id": "r1", "name": "r1", "priority": 1, "when": {{when}}, "action": { "type": "Block", "reason": "x" } } ] }""";

    [Fact]
    public void Rules_on_the_order_alone_need_no_costly_fact()
    {
        var set = Set(OneRule("""{ "all": [ { "field": "payment", "operator": "gt", "value": 1000 }, { "field": "buyerMessage", "operator": "contains", "value": "发票" } ] }"""));

        Assert.Equal(FactNeeds.None, FactNeeds.For(set, null));
        Assert.Equal(FactNeeds.None, FactNeeds.For(null, null));
    }

    [Fact]
    public void Each_costly_fact_is_needed_when_a_condition_reads_it_at_any_depth_and_in_either_set()
    {
        var nested = Set(OneRule("""{ "any": [ { "field": "payment", "operator": "gt", "value": 1 }, { "all": [ { "field": "weightKg", "operator": "gt", "value": 5 } ] } ] }"""));
        var history = Set(OneRule("""{ "all": [ { "field": "buyerOrdersLast30Days", "operator": "ge", "value": 3 } ] }"""));
        var blacklist = Set(OneRule("""{ "all": [ { "field": "buyerOnBlacklist", "operator": "equals", "value": true } ] }"""));
        var stock = Set(OneRule("""{ "all": [ { "field": "outOfStockLines", "operator": "gt", "value": 0 } ] }"""));

        Assert.Equal(new FactNeeds(BuyerHistory: false, Blacklist: false, Stock: false, Weight: true), FactNeeds.For(nested, null));
        Assert.Equal(new FactNeeds(BuyerHistory: true, Blacklist: true, Stock: false, Weight: false), FactNeeds.For(history, blacklist));
        Assert.Equal(new FactNeeds(BuyerHistory: false, Blacklist: false, Stock: true, Weight: true), FactNeeds.For(stock, nested));
        Assert.Equal(FactNeeds.All, FactNeeds.For(nested, history, blacklist, stock));
    }
}
