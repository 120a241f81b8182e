namespace Orchestrator.Domain.Inventory;

/// <summary>The audit row of every change to on-hand stock (adjustment, stock-take, shipment): who, why, how much.</summary>
public sealed class StockMovement
{
    public long Id { get; set; }

    public long WarehouseId { get; set; }

    public long GoodsId { get; set; }

    /// <summary>Signed change of on-hand quantity.</summary>
    public int Delta { get; set; }

    public int OnHandAfter { get; set; }

    /// <summary>Why, e.g. 采购入库 (purchase receipt), 盘点 (stock-take), 报损 (write-off).</summary>
    public required string Reason { get; set; }

    /// <summary>A document number or note the change refers to.</summary>
    public string? Reference { get; set; }

    public DateTime At { get; set; }
}
