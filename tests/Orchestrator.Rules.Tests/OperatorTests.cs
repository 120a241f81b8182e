using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class OperatorTests
{
    private static readonly OrderFacts Order = new()
    {
        ShopCode = "TB-TEA",
        PlatformCode = "taobao",
        Payment = 1000.5m,
        PostFee = 0,
        BuyerNick = "茶友小王",
        BuyerMessage = "请开发票，抬头：杭州ＡＢＣ１２３公司",
        SellerMemo = null,
        ReceiverProvince = "新疆维吾尔自治区",
        LineCount = 2,
        MerchantCodes = ["TEA-LJ-250", "SET-TEA-GIFT"],
        TotalQuantity = 3,
        PayTime = new DateTime(2026, 11, 11, 0, 1, 2, DateTimeKind.Utc),
        IsCod = true,
    };

    [Theory]
    [InlineData("buyerMessage", "contains", "发票", true)]
    [InlineData("buyerMessage", "contains", "abc123", true)]
    [InlineData("buyerMessage", "contains", "ＡＢＣ１２３", true)]
    [InlineData("buyerMessage", "notContains", "发票", false)]
    [InlineData("buyerMessage", "startsWith", "请开", true)]
    [InlineData("buyerNick", "equals", "茶友小王", true)]
    [InlineData("buyerNick", "notEquals", "茶友小王", false)]
    [InlineData("shopCode", "equals", "tb-tea", true)]
    [InlineData("shopCode", "equals", "ｔｂ－ｔｅａ", true)]
    [InlineData("receiverProvince", "startsWith", "新疆", true)]
    [InlineData("receiverProvince", "endsWith", "自治区", true)]
    [InlineData("buyerMessage", "endsWith", "公司", true)]
    [InlineData("buyerMessage", "regex", "抬头[:：].*公司$", true)]
    [InlineData("buyerMessage", "regex", "ABC\\d{3}", true)]
    [InlineData("sellerMemo", "isEmpty", null, true)]
    [InlineData("sellerMemo", "isNotEmpty", null, false)]
    [InlineData("sellerMemo", "contains", "加急", false)]
    [InlineData("sellerMemo", "notContains", "加急", true)]
    [InlineData("receiverCity", "equals", "", true)]
    public void Text_operators_ignore_case_and_width(string field, string op, string? value, bool expected) =>
        Assert.Equal(expected, Matches(Order, field, op, value));

    [Fact]
    public void Text_in_and_notIn_take_a_list()
    {
        Assert.True(Matches(Order, "receiverProvince", "in", new[] { "西藏自治区", "新疆维吾尔自治区" }));
        Assert.False(Matches(Order, "receiverProvince", "notIn", new[] { "西藏自治区", "新疆维吾尔自治区" }));
        Assert.True(Matches(Order, "platformCode", "in", new[] { "TAOBAO" }));
    }

    [Theory]
    [InlineData("gt", 1000, true)]
    [InlineData("gt", "1,000.50", false)]
    [InlineData("ge", "1,000.50", true)]
    [InlineData("lt", "1000.6", true)]
    [InlineData("le", 1000.5, true)]
    [InlineData("equals", "1000.50", true)]
    [InlineData("notEquals", "1000.5", false)]
    [InlineData("equals", "１０００．５", true)]
    public void Number_operators_read_numbers_in_invariant_culture(string op, object value, bool expected) =>
        Assert.Equal(expected, Matches(Order, "payment", op, value));

    [Fact]
    public void Number_between_in_and_counts()
    {
        Assert.True(Matches(Order, "payment", "between", new object[] { "500", 1000.5 }));
        Assert.False(Matches(Order, "payment", "between", new[] { 0, 1000 }));
        Assert.True(Matches(Order, "lineCount", "in", new[] { 2, 3 }));
        Assert.False(Matches(Order, "totalQuantity", "notIn", new[] { 3 }));
        Assert.True(Matches(Order, "postFee", "equals", 0));
        Assert.True(Matches(new OrderFacts(), "buyerOrdersLast7Days", "lt", 1));
    }

    [Fact]
    public void Boolean_operators()
    {
        Assert.True(Matches(Order, "isCod", "equals", true));
        Assert.False(Matches(Order, "isCod", "notEquals", "true"));
        Assert.True(Matches(Order, "buyerOnBlacklist", "equals", false));
    }

    [Fact]
    public void DateTime_operators_compare_in_utc_and_treat_a_missing_time_as_empty()
    {
        Assert.True(Matches(Order, "payTime", "gt", "2026-11-11T08:00:00+08:00"));
        Assert.False(Matches(Order, "payTime", "lt", "2026-11-11T00:00:00Z"));
        Assert.True(Matches(Order, "payTime", "between", new[] { "2026-11-11T00:00:00+08:00", "2026-11-11T09:00:00+08:00" }));
        Assert.True(Matches(Order, "payTime", "isNotEmpty", null));
        var unpaid = Order with { PayTime = null };
        Assert.True(Matches(unpaid, "payTime", "isEmpty", null));
        Assert.False(Matches(unpaid, "payTime", "gt", "2000-01-01T00:00:00Z"));
        Assert.False(Matches(unpaid, "payTime", "le", "2100-01-01T00:00:00Z"));
    }

    [Fact]
    public void Text_list_operators_look_at_every_merchant_code()
    {
        Assert.True(Matches(Order, "merchantCodes", "contains", "set-tea-gift"));
        Assert.True(Matches(Order, "merchantCodes", "contains", "ＳＥＴ－ＴＥＡ－ＧＩＦＴ"));
        Assert.False(Matches(Order, "merchantCodes", "contains", "SET-TEA"));
        Assert.True(Matches(Order, "merchantCodes", "notContains", "CUP-01"));
        Assert.True(Matches(Order, "merchantCodes", "in", new[] { "CUP-01", "TEA-LJ-250" }));
        Assert.False(Matches(Order, "merchantCodes", "notIn", new[] { "CUP-01", "TEA-LJ-250" }));
        Assert.True(Matches(new OrderFacts(), "merchantCodes", "isEmpty", null));
        Assert.False(Matches(Order, "merchantCodes", "isEmpty", null));
    }

    [Fact]
    public void Each_condition_reports_actual_expected_and_whether_it_matched()
    {
        var rule = Rule("big", Condition.AllOf(
            Condition.Compare("payment", "gt", "1,000"),
            Condition.AnyOf(Condition.Compare("buyerMessage", "contains", "发票"), Condition.Compare("isCod", "equals", false))));

        var result = Assert.Single(Evaluate(Order, rule).Rules);

        Assert.True(result.Matched);
        Assert.Equal(["rules[0].when.all[0]", "rules[0].when.all[1].any[0]", "rules[0].when.all[1].any[1]"], result.Conditions.Select(c => c.Path));
        Assert.Equal(1000.5m, result.Conditions[0].Actual);
        Assert.Equal("1,000", result.Conditions[0].Expected!.Value.GetString());
        Assert.Equal([true, true, false], result.Conditions.Select(c => c.Matched));
    }
}
