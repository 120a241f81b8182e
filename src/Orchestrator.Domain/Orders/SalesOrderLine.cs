using Orchestrator.Domain.Catalog;

namespace Orchestrator.Domain.Orders;

/// <summary>One platform line with how its merchant code mapped to our goods.</summary>
public sealed class SalesOrderLine
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public int LineNo { get; set; }

    public string? PlatformLineId { get; set; }

    public string? PlatformSkuId { get; set; }

    public string? MerchantCode { get; set; }

    public string? Title { get; set; }

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    public LineMappingKind Mapping { get; set; }

    public long? GoodsId { get; set; }

    public long? ComboId { get; set; }

    public List<SalesOrderLineItem> Items { get; set; } = [];
}
