namespace Orchestrator.Server.Apis.Orders;

/// <summary>Many platform orders of one shop in one call, stored all together or not at all.</summary>
public sealed record OrderBatchRequest(IReadOnlyList<OrderRequest>? Orders);
