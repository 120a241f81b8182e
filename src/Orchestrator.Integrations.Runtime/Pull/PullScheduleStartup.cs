using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Runtime.Hosting;

namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>At start, arms the pull reminder of every shop with an interval (the embedded default keeps reminders in memory).</summary>
public sealed partial class PullScheduleStartup(IServiceScopeFactory scopes, IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<PullScheduleStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitAsync(stoppingToken))
        {
            return;
        }

        List<long> shops;
        await using (var scope = scopes.CreateAsyncScope())
        {
            shops = await scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().ShopPullStates.AsNoTracking()
                .Where(p => p.IntervalMinutes > 0).Select(p => p.ShopId).ToListAsync(stoppingToken);
        }

        foreach (var shop in shops)
        {
            await grains.GetGrain<IShopPullGrain>(shop).ScheduleAsync();
        }

        LogArmed(logger, shops.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled pulls armed for {Count} shops")]
    private static partial void LogArmed(ILogger logger, int count);
}
