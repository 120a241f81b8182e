using Microsoft.Extensions.Hosting;

namespace Orchestrator.Workflows.Runtime.Hosting;

/// <summary>For background work that calls grains: the silo is up only once the host has started everything.</summary>
public static class HostStarted
{
    /// <summary>Waits until the host has started; false when it is stopping first.</summary>
    public static async Task<bool> WaitAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }
    }
}
