using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>What intake did with one pushed order, and the order as stored.</summary>
public sealed record IntakeResponse(IntakeOutcome Outcome, OrderResponse Order);
