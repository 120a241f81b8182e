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
}
