using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class ProvinceTests
{
    private static OrderFacts To(string province) => new() { ReceiverProvince = province };

    [Fact]
    public void A_rule_on_the_short_name_blocks_an_order_carrying_the_full_name()
    {
        var rule = Rule("remote", Condition.AllOf(Condition.Compare("receiverProvince", "equals", "新疆")), reason: "偏远地区");

        var evaluation = Evaluate(To("新疆维吾尔自治区"), rule);

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.Contains("规则remote: 偏远地区", evaluation.Reasons);
    }

    [Theory]
    [InlineData("equals", "西藏", "西藏自治区", true)]
    [InlineData("equals", "西藏自治区", "西藏", true)]
    [InlineData("equals", "内蒙古", "内蒙古自治区", true)]
    [InlineData("equals", "广西", "广西壮族自治区", true)]
    [InlineData("equals", "宁夏", "宁夏回族自治区", true)]
    [InlineData("equals", "北京", "北京市", true)]
    [InlineData("equals", "广东", "广东省", true)]
    [InlineData("equals", "香港", "香港特别行政区", true)]
    [InlineData("equals", "臺灣", "台湾省", true)]
    [InlineData("equals", " 新 疆 ", "新疆维吾尔自治区", true)]
    [InlineData("equals", "广东", "广西壮族自治区", false)]
    [InlineData("notEquals", "新疆", "新疆维吾尔自治区", false)]
    [InlineData("notEquals", "新疆", "西藏自治区", true)]
    [InlineData("equals", "Ontario", "ONTARIO", true)]
    public void Equality_compares_provinces_by_division_not_spelling(string op, string ruleValue, string orderProvince, bool expected) =>
        Assert.Equal(expected, Matches(To(orderProvince), "receiverProvince", op, ruleValue));

    [Fact]
    public void In_and_notIn_lists_take_short_names()
    {
        string[] remote = ["新疆", "西藏", "青海"];

        Assert.True(Matches(To("新疆维吾尔自治区"), "receiverProvince", "in", remote));
        Assert.True(Matches(To("青海省"), "receiverProvince", "in", remote));
        Assert.False(Matches(To("浙江省"), "receiverProvince", "in", remote));
        Assert.False(Matches(To("西藏自治区"), "receiverProvince", "notIn", remote));
    }

    [Fact]
    public void The_dry_run_reports_the_province_as_the_order_spelled_it()
    {
        var evaluation = Evaluate(To("新疆"), When("receiverProvince", "equals", "新疆维吾尔自治区"));

        var condition = Assert.Single(Assert.Single(evaluation.Rules).Conditions);
        Assert.True(condition.Matched);
        Assert.Equal("新疆", condition.Actual);
    }

    [Fact]
    public void The_list_has_every_provincial_level_division_once_with_its_short_name()
    {
        Assert.Equal(34, ChinaProvinces.All.Count);
        Assert.Equal(34, ChinaProvinces.All.Select(p => p.FullName).Distinct().Count());
        Assert.Equal(34, ChinaProvinces.All.Select(p => p.ShortName).Distinct().Count());
        Assert.All(ChinaProvinces.All, p => Assert.StartsWith(p.ShortName, p.FullName, StringComparison.Ordinal));
        Assert.All(ChinaProvinces.All, p => Assert.Equal(p.FullName, ChinaProvinces.FullName(p.ShortName)));
        Assert.Same(RuleFields.Find("receiverProvince")!.Choices, ChinaProvinces.All);
    }
}
