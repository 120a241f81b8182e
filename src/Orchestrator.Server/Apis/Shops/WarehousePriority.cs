namespace Orchestrator.Server.Apis.Shops;

/// <summary>One warehouse in a shop's strategy; priority 1 is tried first.</summary>
public sealed record WarehousePriority(long WarehouseId, int Priority);
