namespace Orchestrator.Simulators.Platform;

/// <summary>One accepted <c>taobao.item.quantity.update</c> (type 1 full, 2 incremental).</summary>
public sealed record SimStockUpdate(long? NumIid, string? OuterId, string? SkuId, int Quantity, int Type, DateTimeOffset At);
