namespace Orchestrator.Lifecycle.Review;

/// <summary>How many previewed orders would move from one decision to another.</summary>
public sealed record ImpactTransition(string From, string To, int Count);
