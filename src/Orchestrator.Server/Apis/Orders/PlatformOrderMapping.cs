using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>Turns a validated intake request into the domain's view of a platform order.</summary>
internal static class PlatformOrderMapping
{
    public static PlatformOrder ToPlatformOrder(this OrderRequest r) => new()
    {
        PlatformOrderId = r.PlatformOrderId!.Trim(),
        Status = r.Status!.Trim(),
        BuyerNick = r.BuyerNick,
        ReceiverName = r.Receiver!.Name!,
        ReceiverMobile = PhoneNumber.Normalize(r.Receiver.Mobile!),
        ReceiverProvince = r.Receiver.Province!,
        ReceiverCity = r.Receiver.City!,
        ReceiverDistrict = r.Receiver.District,
        ReceiverAddress = r.Receiver.Address!,
        ReceiverZip = r.Receiver.Zip,
        BuyerMessage = r.BuyerMessage,
        SellerMemo = r.SellerMemo,
        CreatedAt = r.Created?.UtcDateTime,
        PayTime = r.PayTime?.UtcDateTime,
        ModifiedAt = r.Modified?.UtcDateTime,
        TotalFee = r.TotalFee,
        PostFee = r.PostFee,
        DiscountFee = r.DiscountFee,
        Payment = r.Payment,
        IsCod = r.IsCod,
        Lines = r.Lines!.Select(l => new PlatformOrderLine
        {
            PlatformLineId = l.PlatformLineId,
            PlatformSkuId = l.PlatformSkuId,
            MerchantCode = l.MerchantCode,
            Title = l.Title,
            Quantity = l.Quantity,
            Price = l.Price,
        }).ToList(),
    };
}
