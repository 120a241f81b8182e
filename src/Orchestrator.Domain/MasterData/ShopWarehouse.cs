namespace Orchestrator.Domain.MasterData;

/// <summary>One entry of a shop's warehouse selection strategy (选仓策略).</summary>
public sealed class ShopWarehouse
{
    public long ShopId { get; set; }

    public long WarehouseId { get; set; }

    /// <summary>1 is tried first.</summary>
    public int Priority { get; set; }
}
