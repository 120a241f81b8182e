namespace Orchestrator.Server.Apis.Review;

/// <summary>
/// How many orders wait for review, and of them how many longer than each age the inbox's tabs offer, by its
/// <c>olderThanMinutes</c> (30, 120, 1440: an order waiting a day counts in all three).
/// </summary>
public sealed record ReviewCountsResponse(int Total, IReadOnlyDictionary<int, int> OlderThanMinutes);
