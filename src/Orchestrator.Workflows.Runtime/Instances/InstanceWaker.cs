using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence.Failures;
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
    /// <summary>How long a request that met the database down waits before it is queued again.</summary>
    private static readonly TimeSpan RequeueDelay = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.WakeParallelism, CancellationToken = stoppingToken },
            async (request, ct) =>
            {
                try
                {
                    var grain = grains.Instance(request.InstanceId);
                    var reply = request switch
                    {
                        { Cancel: true } => await grain.CancelAsync(request.Reason),
                        { HoldDetailsJson: { } details } => await grain.HoldAsync(request.Reason ?? "On hold", details),
                        { Bookmark: { } bookmark } => await grain.ResumeAsync(bookmark, null, null),
                        _ => await grain.RunAsync(),
                    };
                    LogWoken(logger, request.InstanceId, reply.Kind, reply.Status);
                }
                catch (Exception ex) when (DatabaseFailure.IsTemporary(ex))
                {
                    // The grain retries a run by itself; a cancel or a hold exists only in this request, so it is queued again.
                    LogWaitsForDatabase(logger, request.InstanceId, ex.Message);
                    if (request is not { Cancel: false, HoldDetailsJson: null, Bookmark: null })
                    {
                        _ = RequeueAsync(request, ct);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWakeFailed(logger, ex, request.InstanceId);
                }
            });

    private async Task RequeueAsync(WakeRequest request, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RequeueDelay, stoppingToken);
            queue.Enqueue(request);
        }
        catch (OperationCanceledException)
        {
            // Stopping: recovery at the next start picks the instance up.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} woken: {Reply}, now {Status}")]
    private static partial void LogWoken(ILogger logger, Guid instanceId, ReplyKind reply, Orchestrator.Workflows.Execution.WorkflowStatus? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} could not be woken, the database failed ({Error}); it tries again by itself")]
    private static partial void LogWaitsForDatabase(ILogger logger, Guid instanceId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} could not be woken; it runs again at the next start")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, Guid instanceId);
}
