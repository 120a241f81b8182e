namespace Orchestrator.Lifecycle.Review;

/// <summary>Decisions per verdict name (every verdict present, zero included) under the published sets and under the draft.</summary>
public sealed record ImpactCounts(IReadOnlyDictionary<string, int> Current, IReadOnlyDictionary<string, int> Draft);
