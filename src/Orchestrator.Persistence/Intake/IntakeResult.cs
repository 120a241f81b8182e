using Orchestrator.Domain.Orders;

namespace Orchestrator.Persistence.Intake;

/// <summary>The stored order and what intake did with the push.</summary>
public sealed record IntakeResult(SalesOrder Order, IntakeOutcome Outcome);
