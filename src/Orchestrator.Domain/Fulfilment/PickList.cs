namespace Orchestrator.Domain.Fulfilment;

/// <summary>
/// A pick wave (波次, 配货单): orders waiting to be picked in one warehouse, picked in one walk and confirmed together.
/// An order is in at most one open wave per warehouse.
/// </summary>
public sealed class PickList
{
    public long Id { get; set; }

    public long WarehouseId { get; set; }

    public PickListStatus Status { get; set; }

    /// <summary>The filters the wave was made with, kept to show on the printed list.</summary>
    public long? ShopId { get; set; }

    public long? LogisticsCompanyId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public List<PickListOrder> Orders { get; set; } = [];

    /// <summary>Closes the wave: its orders may go into a new one (e.g. an order that went back to review and returned).</summary>
    public void Confirm(DateTime now)
    {
        Status = PickListStatus.Confirmed;
        ConfirmedAt = now;
        Orders.ForEach(o => o.OpenOrderId = null);
    }
}
