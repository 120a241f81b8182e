namespace Orchestrator.Server.Apis.Shops;

/// <summary>
/// A shop's warehouse selection strategy (选仓策略): warehouses by priority, whether out-of-stock orders may pass, and
/// whether an order no one warehouse can fill ships from several in packages (拆单; unchanged when left out).
/// </summary>
public sealed record WarehouseStrategyRequest(bool AllowOutOfStock, IReadOnlyList<WarehousePriority>? Warehouses, int? Version, bool? AllowSplitPackages = null);
