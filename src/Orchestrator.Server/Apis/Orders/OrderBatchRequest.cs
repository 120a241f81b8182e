namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// Many platform orders of one shop in one call, stored all together or not at all; copies of one order collapse to the
/// newest <c>modified</c> (the later one on a tie), the others answered as duplicates of it.
/// </summary>
public sealed record OrderBatchRequest(IReadOnlyList<OrderRequest>? Orders);
