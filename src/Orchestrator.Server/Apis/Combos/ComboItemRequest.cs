namespace Orchestrator.Server.Apis.Combos;

/// <summary>One goods in a combo, named by id or by merchant code.</summary>
public sealed record ComboItemRequest(long? GoodsId, string? MerchantCode, int Quantity);
