using System.Globalization;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Integrations.Platforms.Top;

/// <summary>Turns TOP trades into intake's platform orders.</summary>
public static class TopTradeMapping
{
    /// <summary>TOP writes times as <c>yyyy-MM-dd HH:mm:ss</c> in China Standard Time.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static PlatformOrder ToPlatformOrder(this TopTrade trade) => new()
    {
        PlatformOrderId = trade.Tid.ToString(CultureInfo.InvariantCulture),
        Status = trade.Status ?? "",
        BuyerNick = trade.BuyerNick,
        ReceiverName = trade.ReceiverName ?? "",
        ReceiverMobile = PhoneNumber.Normalize(trade.ReceiverMobile ?? ""),
        ReceiverProvince = trade.ReceiverState ?? "",
        ReceiverCity = trade.ReceiverCity ?? "",
        ReceiverDistrict = trade.ReceiverDistrict,
        ReceiverAddress = trade.ReceiverAddress ?? "",
        ReceiverZip = trade.ReceiverZip,
        BuyerMessage = trade.BuyerMessage,
        SellerMemo = trade.SellerMemo,
        CreatedAt = ParseTime(trade.Created),
        PayTime = ParseTime(trade.PayTime),
        ModifiedAt = ParseTime(trade.Modified),
        TotalFee = trade.TotalFee,
        PostFee = trade.PostFee,
        DiscountFee = trade.DiscountFee,
        Payment = trade.Payment,
        IsCod = string.Equals(trade.Type, "cod", StringComparison.OrdinalIgnoreCase),
        Lines = (trade.Orders?.Order ?? []).Select(o => new PlatformOrderLine
        {
            PlatformLineId = o.Oid.ToString(CultureInfo.InvariantCulture),
            PlatformSkuId = o.SkuId,
            MerchantCode = string.IsNullOrWhiteSpace(o.OuterSkuId) ? o.OuterIid : o.OuterSkuId,
            Title = o.Title,
            Quantity = o.Num,
            Price = o.Price,
        }).ToList(),
    };

    /// <summary>A TOP time string as UTC; null when absent.</summary>
    public static DateTime? ParseTime(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? null
            : new DateTimeOffset(DateTime.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture), ChinaOffset).UtcDateTime;

    public static string FormatTime(DateTimeOffset value) => value.ToOffset(ChinaOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);
}
