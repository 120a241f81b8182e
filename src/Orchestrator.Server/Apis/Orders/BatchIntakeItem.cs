using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// What intake did with one order of a batch or pull. A <c>Duplicate</c> names the item whose copy was applied instead
/// (<c>keptItem</c>, its index) and that copy's order; a <c>Refused</c> trade has no order and says why in <c>reason</c>.
/// </summary>
public sealed record BatchIntakeItem(
    string PlatformOrderId, long? OrderId, IntakeOutcome Outcome, OrderStatus? Status, bool? HasUnmappedSku, int? KeptItem = null, string? Reason = null);
