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

    /// <summary>The merchant code exactly as the platform sent it (full-width, padded, any case).</summary>
    public string? MerchantCode { get; set; }

    /// <summary>The goods or combo code it matched, as our catalog spells it; null when unmapped.</summary>
    public string? MatchedMerchantCode { get; set; }

    public string? Title { get; set; }

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    public LineMappingKind Mapping { get; set; }

    public long? GoodsId { get; set; }

    public long? ComboId { get; set; }

    public List<SalesOrderLineItem> Items { get; set; } = [];
}
