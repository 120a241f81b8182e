using System.Text.Json.Serialization;

namespace Orchestrator.Simulators.Platform;

/// <summary>
/// One trade line; <c>outer_sku_id</c> is the seller's merchant code. Once consigned, the line carries its own status,
/// tracking number (<c>invoice_no</c>) and carrier, as TOP's order lines do.
/// </summary>
public sealed record SimOrder
{
    public long Oid { get; init; }

    public long NumIid { get; init; }

    public string? SkuId { get; init; }

    public string? OuterIid { get; init; }

    public string? OuterSkuId { get; init; }

    public string Title { get; init; } = "测试宝贝";

    public int Num { get; init; } = 1;

    public decimal Price { get; init; } = 100m;

    public string? Status { get; init; }

    public string? InvoiceNo { get; init; }

    public string? LogisticsCompany { get; init; }

    public string? ConsignTime { get; init; }

    [JsonIgnore]
    public bool IsConsigned => InvoiceNo is not null;
}
