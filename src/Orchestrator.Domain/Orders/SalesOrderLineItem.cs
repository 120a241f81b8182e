namespace Orchestrator.Domain.Orders;

/// <summary>A goods to pick for a line: the goods itself, or one component of a combo, times the line quantity.</summary>
public sealed class SalesOrderLineItem
{
    public long Id { get; set; }

    public long LineId { get; set; }

    public long GoodsId { get; set; }

    public required string MerchantCode { get; set; }

    public int Quantity { get; set; }
}
