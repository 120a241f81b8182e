using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Workflows.Runtime.Grains;
using Orchestrator.Workflows.Runtime.Hosting;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Drains the <see cref="InstanceWakeups"/> with bounded parallelism. A request lost to a crash is not lost work: the instance
/// row was committed with its order, and <see cref="InstanceRecovery"/> runs every unfinished instance at start.
/// </summary>
public sealed partial class InstanceWaker(InstanceWakeups queue, IGrainFactory grains, IOptions<RuntimeOptions> options, ILogger<InstanceWaker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.WakeParallelism, CancellationToken = stoppingToken },
            async (request, _) =>
            {
                try
                {
                    var grain = grains.GetGrain<IWorkflowInstanceGrain>(request.InstanceId);
                    var reply = request switch
                    {
                        { Cancel: true } => await grain.CancelAsync(request.Reason),
                        { HoldDetailsJson: { } details } => await grain.HoldAsync(request.Reason ?? "On hold", details),
                        { Bookmark: { } bookmark } => await grain.ResumeAsync(bookmark, null, null),
                        _ => await grain.RunAsync(),
                    };
                    LogWoken(logger, request.InstanceId, reply.Kind, reply.Status);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWakeFailed(logger, ex, request.InstanceId);
                }
            });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} woken: {Reply}, now {Status}")]
    private static partial void LogWoken(ILogger logger, Guid instanceId, ReplyKind reply, Orchestrator.Workflows.Execution.WorkflowStatus? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} could not be woken; it runs again at the next start")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, Guid instanceId);
}
