namespace Orchestrator.Server.Apis.Orders;

/// <summary>A goods to pick for a line, combos already expanded.</summary>
public sealed record OrderLineItemResponse(long GoodsId, string MerchantCode, int Quantity);
