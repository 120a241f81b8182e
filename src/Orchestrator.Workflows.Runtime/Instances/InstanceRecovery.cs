using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Runtime.Hosting;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// At start, queues every instance that was running when the process stopped (it continues from its last committed
/// step) and every instance with a timer (its reminder is re-armed; an overdue one fires at once).
/// </summary>
public sealed partial class InstanceRecovery(IServiceScopeFactory scopes, InstanceWakeups queue, IHostApplicationLifetime lifetime, ILogger<InstanceRecovery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitAsync(stoppingToken))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>().FindUnfinishedAsync(stoppingToken);
        foreach (var id in ids)
        {
            queue.Run(id);
        }

        LogRecovered(logger, ids.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: {Count} unfinished workflow instances queued to continue")]
    private static partial void LogRecovered(ILogger logger, int count);
}
