using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Platforms.Top;

namespace Orchestrator.Integrations.Platforms.Jd;

/// <summary>Turns JD POP orders into intake's platform orders; JD writes times like TOP, China time to the second.</summary>
public static class JdOrderMapping
{
    public static PlatformOrder ToPlatformOrder(this JdOrder order) => new()
    {
        PlatformOrderId = order.OrderId ?? "",
        Status = order.OrderState ?? "",
        BuyerNick = order.Pin,
        ReceiverName = order.ConsigneeInfo?.Fullname ?? "",
        ReceiverMobile = PhoneNumber.Normalize(string.IsNullOrWhiteSpace(order.ConsigneeInfo?.Mobile) ? order.ConsigneeInfo?.Telephone ?? "" : order.ConsigneeInfo.Mobile),
        ReceiverProvince = order.ConsigneeInfo?.Province ?? "",
        ReceiverCity = order.ConsigneeInfo?.City ?? "",
        ReceiverDistrict = order.ConsigneeInfo?.County,
        ReceiverAddress = order.ConsigneeInfo?.FullAddress ?? "",
        BuyerMessage = order.OrderRemark,
        SellerMemo = order.VenderRemark,
        CreatedAt = TopTradeMapping.ParseTime(order.OrderStartTime),
        PayTime = TopTradeMapping.ParseTime(order.PaymentConfirmTime),
        ModifiedAt = TopTradeMapping.ParseTime(order.Modified),
        TotalFee = order.OrderTotalPrice,
        PostFee = order.FreightPrice,
        DiscountFee = order.SellerDiscount,
        Payment = order.OrderPayment,
        IsCod = order.PayType?.StartsWith("1-", StringComparison.Ordinal) == true,
        Lines = (order.ItemInfoList ?? []).Select((item, i) => new PlatformOrderLine
        {
            PlatformLineId = $"{order.OrderId}-{i + 1}",
            PlatformSkuId = item.SkuId,
            MerchantCode = item.OuterSkuId,
            Title = item.SkuName,
            Quantity = item.ItemTotal,
            Price = item.JdPrice,
        }).ToList(),
    };
}
