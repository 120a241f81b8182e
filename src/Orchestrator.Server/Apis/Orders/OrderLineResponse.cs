using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

public sealed record OrderLineResponse(
    int LineNo, string? PlatformLineId, string? PlatformSkuId, string? MerchantCode, string? Title, int Quantity, decimal Price,
    LineMappingKind Mapping, long? GoodsId, long? ComboId, IReadOnlyList<OrderLineItemResponse> Items)
{
    public static OrderLineResponse From(SalesOrderLine l) =>
        new(l.LineNo, l.PlatformLineId, l.PlatformSkuId, l.MerchantCode, l.Title, l.Quantity, l.Price, l.Mapping, l.GoodsId, l.ComboId,
            l.Items.Select(i => new OrderLineItemResponse(i.GoodsId, i.MerchantCode, i.Quantity)).ToList());
}
