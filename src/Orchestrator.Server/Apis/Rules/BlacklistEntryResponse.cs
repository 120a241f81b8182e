namespace Orchestrator.Server.Apis.Rules;

internal sealed record BlacklistEntryResponse(long Id, string BuyerNick, string? Reason, DateTime CreatedAt);
