namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>One shop's scheduled pull (keyed by shop id): one cycle at a time, wherever the grain lives.</summary>
public interface IShopPullGrain : IGrainWithIntegerKey
{
    /// <summary>Arms the pull reminder at the shop's interval, or drops it when the interval is off.</summary>
    Task ScheduleAsync();

    /// <summary>Runs one scheduled cycle now: pulls from the cursor to now and moves the cursor once intake committed.</summary>
    Task<PullRun> PullNowAsync();
}
