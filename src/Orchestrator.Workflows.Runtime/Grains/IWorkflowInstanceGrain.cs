namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>One workflow instance as a virtual actor: every call is handled one at a time, wherever the grain lives.</summary>
public interface IWorkflowInstanceGrain : IGrainWithGuidKey
{
    /// <summary>Continues a new or interrupted instance until it waits, ends or faults; re-arms its timers.</summary>
    Task<InstanceReply> RunAsync();

    /// <summary>Delivers a stimulus to the named bookmark (of <paramref name="activityId"/> when several share a name).</summary>
    Task<InstanceReply> ResumeAsync(string bookmark, string? activityId, string? inputJson);

    Task<InstanceReply> CancelAsync(string? reason);

    /// <summary>Runs the faulted activity again and resolves its incident.</summary>
    Task<InstanceReply> RetryAsync();

    /// <summary>
    /// Holds a waiting or faulted instance where it stands (no stimulus, timer or retry gets through) and lets the
    /// <see cref="Instances.IInstanceHoldHandler"/>s record why, from <paramref name="detailsJson"/>, in the same commit.
    /// </summary>
    Task<InstanceReply> HoldAsync(string reason, string detailsJson);

    /// <summary>Lifts the hold: the instance carries on from where it was held (a faulted step runs again, due timers fire).</summary>
    Task<InstanceReply> ReleaseAsync(string detailsJson);
}
