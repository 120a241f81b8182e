namespace Orchestrator.Persistence.Integrations;

/// <summary>A goods or combo (by merchant code) added to a shop's stock sync (添加到库存同步), with what was last pushed.</summary>
public sealed class StockSyncItem
{
    public long Id { get; set; }

    public long ShopId { get; set; }

    public required string MerchantCode { get; set; }

    public required string NormalizedMerchantCode { get; set; }

    /// <summary>Its quantity may have changed and has not reached the platform yet.</summary>
    public bool IsPending { get; set; }

    /// <summary>When a pending item may be tried next (backoff after a failure).</summary>
    public DateTime? NextAttemptAt { get; set; }

    public int? LastPushedQuantity { get; set; }

    public DateTime? LastPushedAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime CreatedAt { get; set; }
}
