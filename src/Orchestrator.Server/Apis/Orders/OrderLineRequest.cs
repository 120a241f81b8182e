namespace Orchestrator.Server.Apis.Orders;

/// <summary>One order line (Taobao: oid, sku_id, outer_sku_id = merchant code, title, num, price).</summary>
public sealed record OrderLineRequest(string? PlatformLineId, string? PlatformSkuId, string? MerchantCode, string? Title, int Quantity, decimal Price);
