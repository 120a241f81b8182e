namespace Orchestrator.Server.Apis.Rules;

/// <summary>A buyer to add to a platform's blacklist.</summary>
internal sealed record BlacklistEntryRequest(string? BuyerNick, string? Reason);
