namespace Orchestrator.Lifecycle.Review;

/// <summary>What a draft would change over recent stored orders: the counts, the moves between decisions and examples.</summary>
public sealed record ImpactPreviewResult(
    int Examined, int Changed, string Summary, ImpactCounts Counts, IReadOnlyList<ImpactTransition> Transitions, IReadOnlyList<ImpactExample> Examples);
