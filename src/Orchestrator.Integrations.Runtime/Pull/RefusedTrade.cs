using Orchestrator.Domain.Orders;

namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>A pulled trade intake could not take, and why.</summary>
public sealed record RefusedTrade(string PlatformOrderId, OrderFieldProblem Problem, DateTime? ModifiedAt);
