namespace Orchestrator.Domain.Inventory;

/// <summary>Stock of one goods in one warehouse: on hand, reserved for allocated orders, and what is left to promise.</summary>
public sealed class StockItem : Entity
{
    public long WarehouseId { get; set; }

    public long GoodsId { get; set; }

    public int OnHand { get; set; }

    public int Reserved { get; set; }

    public int Available => OnHand - Reserved;

    public DateTime UpdatedAt { get; set; }
}
