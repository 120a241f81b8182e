namespace Orchestrator.Domain.Inventory;

/// <summary>What an allocated order holds of one goods in one warehouse, until it ships (deducted) or is cancelled (released).</summary>
public sealed class StockReservation
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long WarehouseId { get; set; }

    public long GoodsId { get; set; }

    public int Quantity { get; set; }

    public ReservationState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}

public enum ReservationState
{
    Reserved,
    Released,
    Deducted,
}
