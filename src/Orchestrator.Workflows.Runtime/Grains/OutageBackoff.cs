namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>
/// How long an instance waits before trying again while its database is down or out of disk: 1 s, doubling to 30 s.
/// Short enough that an outage of half a minute costs seconds after it ends, long enough not to hammer a database
/// that is coming back.
/// </summary>
public sealed class OutageBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>Failed tries in a row; 0 once the instance got through.</summary>
    public int Failures { get; private set; }

    /// <summary>Counts a failure and returns how long to wait before the next try.</summary>
    public TimeSpan Next()
    {
        var delay = TimeSpan.FromTicks(First.Ticks << Math.Min(Failures, 5));
        Failures++;
        return delay < Longest ? delay : Longest;
    }

    public void Reset() => Failures = 0;
}
