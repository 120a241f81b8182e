namespace Orchestrator.Lifecycle.Review;

/// <summary>One order whose decision the draft would change, with the reasons it would be given under the draft.</summary>
public sealed record ImpactExample(long OrderId, string PlatformOrderId, string From, string To, IReadOnlyList<string> Reasons);
