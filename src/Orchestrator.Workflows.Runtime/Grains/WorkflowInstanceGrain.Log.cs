using Microsoft.Extensions.Logging;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>The grain's log messages.</summary>
public sealed partial class WorkflowInstanceGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow instance {InstanceId} faulted in activity {ActivityId}")]
    private static partial void LogFaulted(ILogger logger, Exception exception, Guid instanceId, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow instance {InstanceId}: a step could not be committed; recorded as an incident")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId}: a step failed after steps kept since the last commit; running them again from it, step by step")]
    private static partial void LogReplayed(ILogger logger, Exception exception, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow instance {InstanceId}: the database failed; trying again from its last committed step in {Seconds} s")]
    private static partial void LogDatabaseDown(ILogger logger, Exception exception, Guid instanceId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow instance {InstanceId}: the run is committed but its answer could not be built; the caller reads it back")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId}: the database is back after {Failures} failed tries")]
    private static partial void LogDatabaseBack(ILogger logger, Guid instanceId, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId}: retrying {ActivityId}, attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, Guid instanceId, string activityId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} held at {ActivityId}: {Reason}")]
    private static partial void LogHeld(ILogger logger, Guid instanceId, string activityId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} released at {ActivityId}")]
    private static partial void LogReleased(ILogger logger, Guid instanceId, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} cancelled: {Reason}")]
    private static partial void LogCancelled(ILogger logger, Guid instanceId, string? reason);
}
