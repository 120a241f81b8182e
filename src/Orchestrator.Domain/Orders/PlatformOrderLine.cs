namespace Orchestrator.Domain.Orders;

/// <summary>One line of an order as the platform sends it (Taobao: oid, sku_id, outer_sku_id, num, price).</summary>
public sealed record PlatformOrderLine
{
    public string? PlatformLineId { get; init; }

    public string? PlatformSkuId { get; init; }

    public string? MerchantCode { get; init; }

    public string? Title { get; init; }

    public int Quantity { get; init; }

    public decimal Price { get; init; }
}
