namespace Orchestrator.Persistence.Integrations;

/// <summary>
/// A pulled trade intake could not take (the reason names the field), kept for a person to look at while the shop's pull
/// moves on. One row per trade: a later refusal of it updates the row, a later successful take removes it.
/// </summary>
public sealed class PullRefusal
{
    public long Id { get; set; }

    public long ShopId { get; set; }

    public required string PlatformOrderId { get; set; }

    /// <summary>The field and why, as the intake API would have answered a push of it.</summary>
    public required string Reason { get; set; }

    /// <summary>The trade's modified time as the platform sent it, so a person can tell which change it was.</summary>
    public DateTime? PlatformModifiedAt { get; set; }

    public DateTime FirstRefusedAt { get; set; }

    public DateTime LastRefusedAt { get; set; }

    /// <summary>How many pulls refused it (re-reads of the overlap count too).</summary>
    public int Times { get; set; }
}
