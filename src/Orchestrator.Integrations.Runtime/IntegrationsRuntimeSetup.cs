using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integrations.Runtime.Pull;
using Orchestrator.Integrations.Runtime.StockSync;

namespace Orchestrator.Integrations.Runtime;

public static class IntegrationsRuntimeSetup
{
    /// <summary>Scheduled pulls (one Orleans grain and reminder per shop) and stock sync (outbox worker, nightly full push).</summary>
    public static IServiceCollection AddIntegrationsRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PullOptions>(configuration.GetSection(PullOptions.Section));
        services.Configure<StockSyncOptions>(configuration.GetSection(StockSyncOptions.Section));
        services.AddScoped<OrderPuller>();
        services.AddHostedService<PullScheduleStartup>();
        services.AddScoped<StockSyncCalculator>();
        services.AddScoped<StockSyncPusher>();
        services.AddHostedService<StockSyncWorker>();
        services.AddHostedService<NightlyStockSync>();
        return services;
    }
}
