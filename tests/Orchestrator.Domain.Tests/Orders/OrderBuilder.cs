using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

/// <summary>A realistic Taobao-style paid order for tests to vary.</summary>
internal static class OrderBuilder
{
    public static PlatformOrder Paid(string tid = "4012345678901234", params (string Code, int Quantity)[] lines) => new()
    {
        PlatformOrderId = tid,
        Status = "WAIT_SELLER_SEND_GOODS",
        BuyerNick = "茶友小王",
        ReceiverName = "王小明",
        ReceiverMobile = "13912345678",
        ReceiverProvince = "浙江省",
        ReceiverCity = "杭州市",
        ReceiverDistrict = "西湖区",
        ReceiverAddress = "文三路90号",
        PayTime = new DateTime(2026, 11, 10, 16, 1, 2, DateTimeKind.Utc),
        ModifiedAt = new DateTime(2026, 11, 10, 16, 1, 2, DateTimeKind.Utc),
        Payment = 316,
        TotalFee = 336,
        DiscountFee = 20,
        Lines = (lines.Length == 0 ? [("TEA-01", 1)] : lines)
            .Select((l, i) => new PlatformOrderLine { PlatformLineId = $"{tid}{i}", MerchantCode = l.Code, Quantity = l.Quantity, Price = 100 })
            .ToList(),
    };
}
