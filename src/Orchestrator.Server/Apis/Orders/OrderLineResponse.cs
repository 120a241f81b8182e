using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>One order line: <c>merchantCode</c> as the platform sent it, <c>matchedMerchantCode</c> the goods or combo code it mapped to.</summary>
public sealed record OrderLineResponse(
    int LineNo, string? PlatformLineId, string? PlatformSkuId, string? MerchantCode, string? MatchedMerchantCode, string? Title, int Quantity, decimal Price,
    LineMappingKind Mapping, long? GoodsId, long? ComboId, IReadOnlyList<OrderLineItemResponse> Items)
{
    public static OrderLineResponse From(SalesOrderLine l) =>
        new(l.LineNo, l.PlatformLineId, l.PlatformSkuId, l.MerchantCode, l.MatchedMerchantCode, l.Title, l.Quantity, l.Price, l.Mapping, l.GoodsId, l.ComboId,
            l.Items.Select(i => new OrderLineItemResponse(i.GoodsId, i.MerchantCode, i.Quantity)).ToList());
}
