using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orchestrator.Integrations.Runtime.StockSync;

/// <summary>Drains the stock-change outbox and pushes pending items, every <see cref="StockSyncOptions.PollInterval"/>.</summary>
public sealed partial class StockSyncWorker(IServiceScopeFactory scopes, IOptions<StockSyncOptions> options, TimeProvider clock, ILogger<StockSyncWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pusher = scope.ServiceProvider.GetRequiredService<StockSyncPusher>();
                await pusher.DrainOutboxAsync(stoppingToken);
                await pusher.PushPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The outbox and the pending flags are still there: the next round starts over from them.
                LogRoundFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A stock sync round failed; the next one retries")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
