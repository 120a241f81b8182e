using Orchestrator.Domain.Orders;

namespace Orchestrator.Persistence.Intake;

/// <summary>
/// The stored order and what intake did with the push; a <see cref="IntakeOutcome.Duplicate"/> copy points at the
/// order its kept copy (<paramref name="KeptCopy"/>, its index in the batch) was applied to.
/// </summary>
public sealed record IntakeResult(SalesOrder Order, IntakeOutcome Outcome, int? KeptCopy = null);
