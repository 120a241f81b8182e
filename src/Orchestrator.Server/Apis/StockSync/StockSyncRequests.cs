namespace Orchestrator.Server.Apis.StockSync;

/// <summary>库存同步 settings of a shop: <c>ratio</c> is 库存比例 (0–1, default 1), <c>minimumQuantity</c> is 最低库存 (default 0).</summary>
public sealed record StockSyncSettingsRequest(bool? Enabled, decimal? Ratio, int? MinimumQuantity);

/// <summary>添加到库存同步: goods or combos, by merchant code.</summary>
public sealed record StockSyncItemsRequest(IReadOnlyList<string>? MerchantCodes);
