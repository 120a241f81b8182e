namespace Orchestrator.Integrations.Runtime.StockSync;

/// <summary>The <c>StockSync</c> configuration section.</summary>
public sealed class StockSyncOptions
{
    public const string Section = "StockSync";

    /// <summary>How often the worker drains the outbox and pushes pending items.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after an item's first failed push; doubled per further failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Local time of the nightly full push (seed 003 §5 syncs at 02:10); empty turns it off.</summary>
    public string? NightlyAt { get; set; } = "02:10";

    /// <summary>The time zone <see cref="NightlyAt"/> is read in (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
