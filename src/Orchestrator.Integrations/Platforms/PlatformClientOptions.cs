namespace Orchestrator.Integrations.Platforms;

/// <summary>The resilience pipeline around every platform call, from configuration <c>PlatformClient</c>.</summary>
public sealed class PlatformClientOptions
{
    public const string Section = "PlatformClient";

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(45);
}
