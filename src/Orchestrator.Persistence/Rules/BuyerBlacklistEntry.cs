namespace Orchestrator.Persistence.Rules;

/// <summary>A buyer (by nick, per platform) whose orders rules can stop (黑名单).</summary>
public sealed class BuyerBlacklistEntry
{
    public long Id { get; set; }

    public long PlatformId { get; set; }

    public required string BuyerNick { get; set; }

    /// <summary>Width- and case-folded nick, the lookup key.</summary>
    public required string NormalizedBuyerNick { get; set; }

    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }
}
