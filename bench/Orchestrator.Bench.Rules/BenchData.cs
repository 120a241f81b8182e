using Orchestrator.Rules;

namespace Orchestrator.Bench.Rules;

/// <summary>Generated rule sets and orders shaped like a tea shop's: messages, provinces, merchant codes, amounts.</summary>
internal static class BenchData
{
    private static readonly string[] Provinces = ["浙江省", "江苏省", "广东省", "新疆维吾尔自治区", "西藏自治区", "北京市", "上海市"];
    private static readonly string[] Messages = ["", "请开发票", "周末送货", "不要放快递柜", "加急！", "送人的，别放价格单"];
    private static readonly string[] Codes = ["TEA-LJ-250", "TEA-BLC-100", "CUP-01", "SET-TEA-GIFT", "BOX-01", "TEA-PE-357"];
    private static readonly int[] HeavyRange = [10, 20];

    public static RuleSet RuleSet(int count, Random random) => new()
    {
        Rules = Enumerable.Range(0, count).Select(i => new ReviewRule
        {
            Id = $"r{i}",
            Name = $"规则{i}",
            Priority = i,
            When = Condition.AllOf(Conditions(i, random)),
            Action = (i % 10) switch
            {
                0 => new RuleAction { Type = RuleActionType.HoldUntil, HoldMinutes = 30 },
                1 => new RuleAction { Type = RuleActionType.RouteToException, Reason = "异常" + i },
                _ => new RuleAction { Type = RuleActionType.Block, Reason = "阻止" + i },
            },
        }).ToList(),
    };

    public static OrderFacts Order(int i, Random random, DateTime now) => new()
    {
        ShopCode = "TB-TEA",
        PlatformCode = "taobao",
        Payment = random.Next(10, 5000),
        Discount = random.Next(0, 50),
        PostFee = random.Next(0, 3) * 6,
        BuyerNick = $"buyer{i % 997}",
        BuyerMessage = Messages[random.Next(Messages.Length)],
        ReceiverProvince = Provinces[random.Next(Provinces.Length)],
        ReceiverCity = "某市",
        ReceiverAddress = $"文三路{i % 300}号",
        LineCount = random.Next(1, 5),
        MerchantCodes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Codes[random.Next(Codes.Length)]).ToList(),
        TotalQuantity = random.Next(1, 20),
        WeightKg = random.Next(1, 200) / 10m,
        PayTime = now.AddMinutes(-random.Next(0, 600)),
        IsCod = random.Next(20) == 0,
        BuyerOrdersLast7Days = random.Next(0, 5),
        BuyerOrdersLast30Days = random.Next(0, 12),
    };

    private static Condition[] Conditions(int i, Random random) => (i % 6) switch
    {
        0 => [Condition.Compare("buyerMessage", "contains", Messages[1 + random.Next(Messages.Length - 1)][..2]), Condition.Compare("payment", "gt", random.Next(100, 4000))],
        1 => [Condition.Compare("receiverProvince", "in", Provinces.Skip(random.Next(4)).Take(2).ToArray())],
        2 => [Condition.Compare("merchantCodes", "contains", Codes[random.Next(Codes.Length)]), Condition.Compare("totalQuantity", "ge", random.Next(5, 30))],
        3 => [Condition.AnyOf(Condition.Compare("isCod", "equals", true), Condition.Compare("weightKg", "between", HeavyRange))],
        4 => [Condition.Compare("buyerMessage", "regex", "(加急|快)+"), Condition.Compare("buyerOrdersLast7Days", "gt", random.Next(2, 5))],
        _ => [Condition.Compare("payTime", "lt", "2026-11-11T00:00:00+08:00"), Condition.Compare("postFee", "equals", "0")],
    };
}
