using System.Text.Json.Serialization;

namespace Orchestrator.Rules;

/// <summary>What rules can see of an order: a flat record of facts gathered before review.</summary>
public sealed record OrderFacts
{
    public string? ShopCode { get; init; }

    public string? PlatformCode { get; init; }

    public decimal Payment { get; init; }

    public decimal Discount { get; init; }

    public decimal PostFee { get; init; }

    public string? BuyerNick { get; init; }

    public string? BuyerMessage { get; init; }

    public string? SellerMemo { get; init; }

    public string? ReceiverProvince { get; init; }

    /// <summary>The province's official full name (新疆 → 新疆维吾尔自治区), which rules' equality operators compare.</summary>
    [JsonIgnore]
    public string? ReceiverProvinceFullName => ChinaProvinces.FullName(ReceiverProvince);

    public string? ReceiverCity { get; init; }

    /// <summary>The city's official full name (杭州 → 杭州市, 延边 → 延边朝鲜族自治州), which rules' equality operators compare.</summary>
    [JsonIgnore]
    public string? ReceiverCityFullName => ChinaCities.FullName(ReceiverCity);

    public string? ReceiverDistrict { get; init; }

    public string? ReceiverAddress { get; init; }

    public decimal LineCount { get; init; }

    public IReadOnlyList<string> MerchantCodes { get; init; } = [];

    public decimal TotalQuantity { get; init; }

    public decimal WeightKg { get; init; }

    public DateTime? PayTime { get; init; }

    /// <summary>When we received the order; holds count from it when there is no payment time (cash on delivery).</summary>
    public DateTime? ReceivedAt { get; init; }

    public bool IsCod { get; init; }

    public bool HasUnmappedSku { get; init; }

    public decimal OutOfStockLines { get; init; }

    public bool HasOutOfStockLine { get; init; }

    public decimal BuyerOrdersLast7Days { get; init; }

    public decimal BuyerOrdersLast30Days { get; init; }

    public bool AddressChangedAfterPayment { get; init; }

    public bool BuyerOnBlacklist { get; init; }
}
