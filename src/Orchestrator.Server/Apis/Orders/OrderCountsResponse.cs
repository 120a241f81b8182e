using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// How many orders stand in each status (every status, zeros included), of them how many are set aside as out of stock
/// (缺货: <c>Exception</c> with kind <c>OutOfStock</c>), and all of them: the orders screen's tabs.
/// </summary>
public sealed record OrderCountsResponse(int Total, IReadOnlyDictionary<OrderStatus, int> Statuses, int OutOfStock);
