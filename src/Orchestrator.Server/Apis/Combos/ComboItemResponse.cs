namespace Orchestrator.Server.Apis.Combos;

public sealed record ComboItemResponse(long GoodsId, string MerchantCode, string Name, int Quantity);
