namespace Orchestrator.Rules;

/// <summary>The whitelist: the only fields a rule can name, and the operators each type takes.</summary>
public static class RuleFields
{
    public static IReadOnlyList<RuleField> All { get; } =
    [
        new("shopCode", FieldType.Text, nameof(OrderFacts.ShopCode), "Shop code", f => f.ShopCode),
        new("platformCode", FieldType.Text, nameof(OrderFacts.PlatformCode), "Platform code (taobao, jd, …)", f => f.PlatformCode),
        new("payment", FieldType.Number, nameof(OrderFacts.Payment), "Amount paid (payment)", f => f.Payment),
        new("discount", FieldType.Number, nameof(OrderFacts.Discount), "Discount (discount_fee)", f => f.Discount),
        new("postFee", FieldType.Number, nameof(OrderFacts.PostFee), "Freight (post_fee)", f => f.PostFee),
        new("buyerNick", FieldType.Text, nameof(OrderFacts.BuyerNick), "Buyer nick", f => f.BuyerNick),
        new("buyerMessage", FieldType.Text, nameof(OrderFacts.BuyerMessage), "Buyer message (买家留言)", f => f.BuyerMessage),
        new("sellerMemo", FieldType.Text, nameof(OrderFacts.SellerMemo), "Seller memo (卖家备注)", f => f.SellerMemo),
        new("receiverProvince", FieldType.Text, nameof(OrderFacts.ReceiverProvince), "Receiver province", f => f.ReceiverProvince)
        {
            Choices = ChinaProvinces.All,
            StandardProperty = nameof(OrderFacts.ReceiverProvinceFullName),
            Standardize = ChinaProvinces.FullName,
        },
        new("receiverCity", FieldType.Text, nameof(OrderFacts.ReceiverCity), "Receiver city", f => f.ReceiverCity)
        {
            Choices = ChinaCities.All,
            StandardProperty = nameof(OrderFacts.ReceiverCityFullName),
            Standardize = ChinaCities.FullName,
        },
        new("receiverDistrict", FieldType.Text, nameof(OrderFacts.ReceiverDistrict), "Receiver district", f => f.ReceiverDistrict),
        new("receiverAddress", FieldType.Text, nameof(OrderFacts.ReceiverAddress), "Receiver street address", f => f.ReceiverAddress),
        new("lineCount", FieldType.Number, nameof(OrderFacts.LineCount), "Number of order lines", f => f.LineCount),
        new("merchantCodes", FieldType.TextList, nameof(OrderFacts.MerchantCodes), "Merchant codes of the lines", f => f.MerchantCodes),
        new("totalQuantity", FieldType.Number, nameof(OrderFacts.TotalQuantity), "Total quantity over all lines", f => f.TotalQuantity),
        new("weightKg", FieldType.Number, nameof(OrderFacts.WeightKg), "Estimated weight in kg (goods weights × quantities)", f => f.WeightKg),
        new("payTime", FieldType.DateTime, nameof(OrderFacts.PayTime), "Payment time (UTC)", f => f.PayTime),
        new("isCod", FieldType.Boolean, nameof(OrderFacts.IsCod), "Cash on delivery", f => f.IsCod),
        new("hasUnmappedSku", FieldType.Boolean, nameof(OrderFacts.HasUnmappedSku), "A merchant code maps to no goods", f => f.HasUnmappedSku),
        new("outOfStockLines", FieldType.Number, nameof(OrderFacts.OutOfStockLines), "Lines short of stock", f => f.OutOfStockLines),
        new("hasOutOfStockLine", FieldType.Boolean, nameof(OrderFacts.HasOutOfStockLine), "Some line is short of stock", f => f.HasOutOfStockLine),
        new("buyerOrdersLast7Days", FieldType.Number, nameof(OrderFacts.BuyerOrdersLast7Days), "Orders by the same buyer on the platform in 7 days", f => f.BuyerOrdersLast7Days),
        new("buyerOrdersLast30Days", FieldType.Number, nameof(OrderFacts.BuyerOrdersLast30Days), "Orders by the same buyer on the platform in 30 days", f => f.BuyerOrdersLast30Days),
        new("addressChangedAfterPayment", FieldType.Boolean, nameof(OrderFacts.AddressChangedAfterPayment), "Receiver changed after payment", f => f.AddressChangedAfterPayment),
        new("buyerOnBlacklist", FieldType.Boolean, nameof(OrderFacts.BuyerOnBlacklist), "Buyer is on the platform's blacklist", f => f.BuyerOnBlacklist),
    ];

    private static readonly Dictionary<string, RuleField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Operators per field type, in the order the designer lists them.</summary>
    public static IReadOnlyDictionary<FieldType, IReadOnlyList<string>> Operators { get; } = new Dictionary<FieldType, IReadOnlyList<string>>
    {
        [FieldType.Text] = [RuleOperators.EqualsOp, RuleOperators.NotEquals, RuleOperators.In, RuleOperators.NotIn, RuleOperators.Contains,
            RuleOperators.NotContains, RuleOperators.StartsWith, RuleOperators.EndsWith, RuleOperators.Regex, RuleOperators.IsEmpty, RuleOperators.IsNotEmpty],
        [FieldType.Number] = [RuleOperators.EqualsOp, RuleOperators.NotEquals, RuleOperators.In, RuleOperators.NotIn, RuleOperators.Gt,
            RuleOperators.Ge, RuleOperators.Lt, RuleOperators.Le, RuleOperators.Between],
        [FieldType.Boolean] = [RuleOperators.EqualsOp, RuleOperators.NotEquals],
        [FieldType.DateTime] = [RuleOperators.Gt, RuleOperators.Ge, RuleOperators.Lt, RuleOperators.Le, RuleOperators.Between,
            RuleOperators.IsEmpty, RuleOperators.IsNotEmpty],
        [FieldType.TextList] = [RuleOperators.Contains, RuleOperators.NotContains, RuleOperators.In, RuleOperators.NotIn,
            RuleOperators.IsEmpty, RuleOperators.IsNotEmpty],
    };

    public static RuleField? Find(string? name) => name is not null && ByName.TryGetValue(name, out var field) ? field : null;

    public static bool Accepts(FieldType type, string? op) => op is not null && Operators[type].Contains(op);
}
