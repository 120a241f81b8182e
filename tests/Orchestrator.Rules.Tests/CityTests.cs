using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class CityTests
{
    private static OrderFacts To(string city) => new() { ReceiverCity = city };

    [Fact]
    public void A_rule_on_the_short_name_blocks_an_order_carrying_the_full_name()
    {
        var rule = Rule("hz", Condition.AllOf(Condition.Compare("receiverCity", "equals", "杭州")), reason: "同城自提");

        var evaluation = Evaluate(To("杭州市"), rule);

        Assert.Equal(RuleVerdict.Block, evaluation.Verdict);
        Assert.Contains("规则hz: 同城自提", evaluation.Reasons);
    }

    [Theory]
    [InlineData("equals", "杭州", "杭州市", true)]
    [InlineData("equals", "杭州市", "杭州", true)]
    [InlineData("equals", "杭州市", "杭州市", true)]
    [InlineData("equals", " 杭 州 ", "杭州市", true)]
    [InlineData("equals", "杭州", "宁波市", false)]
    [InlineData("equals", "延边", "延边朝鲜族自治州", true)]
    [InlineData("equals", "延边州", "延边朝鲜族自治州", true)]
    [InlineData("equals", "延边朝鲜族自治州", "延边", true)]
    [InlineData("equals", "恩施", "恩施土家族苗族自治州", true)]
    [InlineData("equals", "西双版纳", "西双版纳傣族自治州", true)]
    [InlineData("equals", "巴州", "巴音郭楞蒙古自治州", true)]
    [InlineData("equals", "伊犁", "伊犁哈萨克自治州", true)]
    [InlineData("equals", "阿里", "阿里地区", true)]
    [InlineData("equals", "喀什地区", "喀什", true)]
    [InlineData("equals", "大兴安岭", "大兴安岭地区", true)]
    [InlineData("equals", "锡林郭勒", "锡林郭勒盟", true)]
    [InlineData("equals", "北京", "北京市", true)]
    [InlineData("equals", "仙桃", "仙桃市", true)]
    [InlineData("equals", "神农架", "神农架林区", true)]
    [InlineData("equals", "陵水", "陵水黎族自治县", true)]
    [InlineData("equals", "襄樊", "襄阳市", true)]
    [InlineData("equals", "廣州", "广州市", true)]
    [InlineData("notEquals", "杭州", "杭州市", false)]
    [InlineData("notEquals", "杭州", "温州市", true)]
    [InlineData("equals", "Springfield", "SPRINGFIELD", true)]
    [InlineData("equals", "某某市", "某某", false)]
    [InlineData("equals", " 某某市 ", "某某市", true)]
    public void Equality_compares_cities_by_division_not_spelling(string op, string ruleValue, string orderCity, bool expected) =>
        Assert.Equal(expected, Matches(To(orderCity), "receiverCity", op, ruleValue));

    [Fact]
    public void In_and_notIn_lists_take_short_names_on_either_side()
    {
        string[] nearby = ["杭州", "宁波市", "阿里", "延边"];

        Assert.True(Matches(To("杭州市"), "receiverCity", "in", nearby));
        Assert.True(Matches(To("宁波"), "receiverCity", "in", nearby));
        Assert.True(Matches(To("阿里地区"), "receiverCity", "in", nearby));
        Assert.True(Matches(To("延边朝鲜族自治州"), "receiverCity", "in", nearby));
        Assert.False(Matches(To("温州市"), "receiverCity", "in", nearby));
        Assert.False(Matches(To("杭州市"), "receiverCity", "notIn", nearby));
        Assert.True(Matches(To("未知市"), "receiverCity", "notIn", nearby));
    }

    [Fact]
    public void Text_operators_other_than_equality_see_the_city_as_the_order_spelled_it()
    {
        Assert.False(Matches(To("杭州"), "receiverCity", "endsWith", "市"));
        Assert.True(Matches(To("杭州市"), "receiverCity", "endsWith", "市"));
    }

    [Fact]
    public void The_dry_run_reports_the_city_as_the_order_spelled_it()
    {
        var evaluation = Evaluate(To("杭州"), When("receiverCity", "equals", "杭州市"));

        var condition = Assert.Single(Assert.Single(evaluation.Rules).Conditions);
        Assert.True(condition.Matched);
        Assert.Equal("杭州", condition.Actual);
    }

    [Fact]
    public void Unknown_names_and_empty_come_back_as_they_were()
    {
        Assert.Equal("某某市", ChinaCities.FullName("某某市"));
        Assert.Null(ChinaCities.FullName(null));
        Assert.Equal("", ChinaCities.FullName(""));
    }

    [Theory]
    [InlineData("北京市", 1)]
    [InlineData("天津市", 1)]
    [InlineData("上海市", 1)]
    [InlineData("重庆市", 1)]
    [InlineData("河北省", 11)]
    [InlineData("山西省", 11)]
    [InlineData("内蒙古自治区", 12)]
    [InlineData("辽宁省", 14)]
    [InlineData("吉林省", 9)]
    [InlineData("黑龙江省", 13)]
    [InlineData("江苏省", 13)]
    [InlineData("浙江省", 11)]
    [InlineData("安徽省", 16)]
    [InlineData("福建省", 9)]
    [InlineData("江西省", 11)]
    [InlineData("山东省", 16)]
    [InlineData("河南省", 17)]
    [InlineData("湖北省", 13)]
    [InlineData("湖南省", 14)]
    [InlineData("广东省", 21)]
    [InlineData("广西壮族自治区", 14)]
    [InlineData("海南省", 4)]
    [InlineData("四川省", 21)]
    [InlineData("贵州省", 9)]
    [InlineData("云南省", 16)]
    [InlineData("西藏自治区", 7)]
    [InlineData("陕西省", 10)]
    [InlineData("甘肃省", 14)]
    [InlineData("青海省", 8)]
    [InlineData("宁夏回族自治区", 5)]
    [InlineData("新疆维吾尔自治区", 14)]
    public void Each_province_has_its_prefecture_level_divisions(string province, int count) =>
        Assert.Equal(count, ChinaCities.Prefectures.Count(c => c.Province == province));

    [Fact]
    public void The_list_has_every_prefecture_once_with_its_short_name_and_province()
    {
        // 333 prefecture-level divisions (293 地级市, 30 自治州, 7 地区, 3 盟) and the four municipalities.
        Assert.Equal(337, ChinaCities.Prefectures.Count);
        Assert.Equal(30, ChinaCities.Prefectures.Count(c => c.FullName.EndsWith("自治州", StringComparison.Ordinal)));
        Assert.Equal(7, ChinaCities.Prefectures.Count(c => c.FullName.EndsWith("地区", StringComparison.Ordinal)));
        Assert.Equal(3, ChinaCities.Prefectures.Count(c => c.FullName.EndsWith('盟')));
        Assert.Equal(ChinaCities.Prefectures.Count + ChinaCities.CountyLevel.Count, ChinaCities.All.Count);
        Assert.Equal(ChinaCities.All.Count, ChinaCities.All.Select(c => c.FullName).Distinct().Count());
        Assert.Equal(ChinaCities.All.Count, ChinaCities.All.Select(c => c.ShortName).Distinct().Count());
        Assert.All(ChinaCities.All, c => Assert.StartsWith(c.ShortName, c.FullName, StringComparison.Ordinal));
        Assert.All(ChinaCities.All, c => Assert.True(c.ShortName.Length >= 2, c.FullName));
        Assert.All(ChinaCities.All, c => Assert.Equal(c.FullName, ChinaCities.FullName(c.ShortName)));
        Assert.All(ChinaCities.All, c => Assert.Contains(ChinaProvinces.All, p => p.FullName == c.Province));
        Assert.Equal(31, ChinaCities.All.Select(c => c.Province).Distinct().Count());
        Assert.Same(RuleFields.Find("receiverCity")!.Choices, ChinaCities.All);
    }
}
