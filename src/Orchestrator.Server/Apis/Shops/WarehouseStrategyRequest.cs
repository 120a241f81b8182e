namespace Orchestrator.Server.Apis.Shops;

/// <summary>A shop's warehouse selection strategy (选仓策略): warehouses by priority, and whether out-of-stock orders may pass.</summary>
public sealed record WarehouseStrategyRequest(bool AllowOutOfStock, IReadOnlyList<WarehousePriority>? Warehouses, int? Version);
