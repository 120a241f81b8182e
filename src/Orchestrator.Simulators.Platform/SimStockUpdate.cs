namespace Orchestrator.Simulators.Platform;

/// <summary>
/// One accepted stock update: TOP <c>taobao.item.quantity.update</c> (type 1 full, 2 incremental) or JD
/// <c>jingdong.stock.write.updateSkuStock</c> (always full); <paramref name="Api"/> says which, <paramref name="Seller"/> whose.
/// </summary>
public sealed record SimStockUpdate(long? NumIid, string? OuterId, string? SkuId, int Quantity, int Type, DateTimeOffset At, string Api = "top", string? Seller = null);
