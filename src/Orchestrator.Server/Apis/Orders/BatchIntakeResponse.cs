using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>Per-order outcomes of a batch, and how many of each.</summary>
public sealed record BatchIntakeResponse(IReadOnlyDictionary<IntakeOutcome, int> Counts, IReadOnlyList<BatchIntakeItem> Results);
