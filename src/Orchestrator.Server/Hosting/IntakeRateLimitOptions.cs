namespace Orchestrator.Server.Hosting;

/// <summary>
/// The <c>RateLimiting:Intake</c> section: a token bucket per caller on order intake. The defaults leave room for a
/// Double 11 peak (a shop pushing its orders one by one at 50 a second, bursts of 200, or batches of up to 500 orders per
/// request) while one runaway integration cannot starve the others.
/// </summary>
public sealed class IntakeRateLimitOptions
{
    public const string Section = "RateLimiting:Intake";

    /// <summary>Requests per second a caller may keep up.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a caller may send at once after a quiet spell (the bucket's size).</summary>
    public int Burst { get; set; } = 200;
}
