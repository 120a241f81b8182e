using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

public sealed record BatchIntakeItem(string PlatformOrderId, long OrderId, IntakeOutcome Outcome, OrderStatus Status, bool HasUnmappedSku);
