namespace Orchestrator.Server.Apis.Goods;

/// <summary>Create or update a goods; <c>merchantCode</c> is the SKU code platforms send. <c>version</c> is required on update.</summary>
public sealed record GoodsRequest(
    string? MerchantCode,
    string? Barcode,
    string? Name,
    string? Spec,
    decimal? WeightKg,
    decimal? Price,
    bool? IsEnabled,
    int? Version,
    int? LowStockThreshold = null);
