namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>The <c>Pull</c> configuration section: how scheduled pulls place their window.</summary>
public sealed class PullOptions
{
    public const string Section = "Pull";

    /// <summary>How far before the last successful <c>until</c> the next pull starts again: platforms index changes late; intake dedupes the re-read.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where a shop's first scheduled pull starts when no cursor was set.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);
}
