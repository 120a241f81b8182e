namespace Orchestrator.Server.Apis.Stock;

/// <summary>
/// Changes on-hand stock in one warehouse: per item either <c>delta</c> (received +, written off −) or <c>onHand</c> (a
/// stock-take count). Every item names its goods by <c>merchantCode</c> or <c>goodsId</c>. All items apply or none.
/// </summary>
public sealed record StockAdjustmentRequest(string? Reason, string? Reference, IReadOnlyList<StockAdjustmentItem>? Items);

public sealed record StockAdjustmentItem(string? MerchantCode, long? GoodsId, int? Delta, int? OnHand);

public sealed record StockItemResponse(
    long WarehouseId, long GoodsId, string MerchantCode, int OnHand, int Reserved, int Available, DateTime UpdatedAt, int Version, int? LowStockThreshold, bool IsLow);

public sealed record StockAdjustmentResponse(IReadOnlyList<StockItemResponse> Items, bool RecheckQueued);

/// <summary>调拨: move <c>quantity</c> of each goods from one warehouse to another, all or nothing.</summary>
public sealed record StockTransferRequest(long? FromWarehouseId, long? ToWarehouseId, string? Reason, string? Reference, IReadOnlyList<StockTransferItem>? Items);

public sealed record StockTransferItem(string? MerchantCode, int? Quantity);
