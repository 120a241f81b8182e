namespace Orchestrator.Domain.Fulfilment;

/// <summary>One order of a wave, picked from the wave's warehouse.</summary>
public sealed class PickListOrder
{
    public long Id { get; set; }

    public long PickListId { get; set; }

    public long OrderId { get; set; }

    public long WarehouseId { get; set; }

    /// <summary>
    /// The order's id while the wave is open, null once it is closed: a unique index on (this, warehouse) keeps an
    /// order out of two open waves on every provider, since unique indexes let any number of nulls through.
    /// </summary>
    public long? OpenOrderId { get; set; }

    /// <summary>Where the order sits in the wave, oldest pay time first.</summary>
    public int Position { get; set; }
}
